package dev.lanes.pool.threads;

import dev.lanes.runtime.WorkerMain;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.protocol.Message;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Makes the class loader a worker thread runs in. */
public interface WorkerClassLoaders {

  /** A loader holding the project's test class path plus the Lanes worker runtime; closed when the worker stops. */
  URLClassLoader create(TestProject project, int poolId);

  /**
   * The default: a fresh loader over the whole test class path whose parent is the platform class
   * loader, so nothing of the host (its JUnit, its Jackson) is visible to the tests.
   */
  final class Isolated implements WorkerClassLoaders {
    @Override
    public URLClassLoader create(TestProject project, int poolId) {
      List<URL> urls = new ArrayList<>();
      for (Path entry : project.classpath()) {
        urls.add(url(entry));
      }
      runtimeClasspath().forEach(path -> urls.add(url(path)));
      return new URLClassLoader("lanes-threads-" + poolId, urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }
  }

  /**
   * Where the worker runtime comes from: its shaded jar (which carries its own Jackson) and the
   * SPI jar for the protocol; from class folders during development, with the Jackson jars beside.
   */
  static List<Path> runtimeClasspath() {
    Set<Path> paths = new LinkedHashSet<>();
    Path runtime = location(WorkerMain.class);
    paths.add(runtime);
    paths.add(location(Message.class));
    if (Files.isDirectory(runtime)) {
      for (String name : List.of("com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.core.JsonFactory",
          "com.fasterxml.jackson.annotation.JsonProperty", "com.fasterxml.jackson.datatype.jdk8.Jdk8Module")) {
        try {
          paths.add(location(Class.forName(name, false, WorkerMain.class.getClassLoader())));
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException("the worker runtime is not shaded and " + name + " is missing. This is a bug in Lanes.", e);
        }
      }
    }
    return List.copyOf(paths);
  }

  private static Path location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("cannot locate the jar of " + type.getName() + ". This is a bug in Lanes.", e);
    }
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a valid class path entry: " + path, e);
    }
  }
}
