package dev.lanes.pool.threads;

import dev.lanes.runtime.WorkerMain;
import dev.lanes.spi.TestProject;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Makes the class loader a worker thread runs in. */
public interface WorkerClassLoaders {

  /** A loader holding the project's test class path plus the Lanes worker runtime; closed when the worker stops. */
  URLClassLoader create(TestProject project, int poolId);

  /**
   * The default: a fresh loader over the whole test class path and the worker runtime. Its parent
   * shares only the protocol and its codec with the host ({@link ProtocolClassLoader}); nothing else of
   * the host (its JUnit, its Guice, its own Jackson) is visible to the tests.
   */
  final class Isolated implements WorkerClassLoaders {
    private static final class Shared {
      static final List<Path> RUNTIME = runtimeClasspath();
      static final ProtocolClassLoader PROTOCOL = new ProtocolClassLoader(WorkerMain.class.getClassLoader(),
          Files.isDirectory(RUNTIME.get(0)));
    }

    @Override
    public URLClassLoader create(TestProject project, int poolId) {
      List<Path> entries = new ArrayList<>(project.classpath());
      entries.add(Shared.RUNTIME.get(0));
      return new ExitContainingClassLoader("lanes-threads-" + poolId, urls(entries), Shared.PROTOCOL);
    }
  }

  /** Where the worker runtime comes from: its jar, or its class folder during development. */
  static List<Path> runtimeClasspath() {
    return List.of(WorkerMain.classpath().get(0));
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
}
