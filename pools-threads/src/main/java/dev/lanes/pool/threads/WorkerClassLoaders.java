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
   * The default: a fresh loader over the whole test class path and the worker runtime. Its parent
   * shares only the protocol and its codec ({@link ProtocolClassLoader}); nothing else of the host
   * (its JUnit, its Guice, its Jackson) is visible to the tests.
   */
  final class Isolated implements WorkerClassLoaders {
    private static final class Shared {
      static final List<Path> RUNTIME = runtimeClasspath();
      static final ProtocolClassLoader PROTOCOL = new ProtocolClassLoader(RUNTIME, Files.isDirectory(RUNTIME.get(0)));
    }

    @Override
    public URLClassLoader create(TestProject project, int poolId) {
      List<Path> entries = new ArrayList<>(project.classpath());
      entries.add(Shared.RUNTIME.get(0));
      return new URLClassLoader("lanes-threads-" + poolId, urls(entries), Shared.PROTOCOL);
    }
  }

  /**
   * Where the worker runtime comes from, runtime first: its shaded jar (which carries its own
   * Jackson) and the SPI jar for the protocol; from class folders during development, with the
   * Jackson jars beside.
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

  static URL[] urls(List<Path> paths) {
    URL[] urls = new URL[paths.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = paths.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("not a valid class path entry: " + paths.get(i), e);
      }
    }
    return urls;
  }

  private static Path location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("cannot locate the jar of " + type.getName() + ". This is a bug in Lanes.", e);
    }
  }
}
