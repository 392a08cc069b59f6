package dev.lanes.pool.threads;

import dev.lanes.runtime.ClassPathSplit;
import dev.lanes.runtime.WorkerMain;
import dev.lanes.spi.TestProject;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

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
    @Override
    public URLClassLoader create(TestProject project, int poolId) {
      List<Path> entries = new ArrayList<>(project.classpath());
      entries.add(Shared.RUNTIME);
      return new ExitContainingClassLoader("lanes-threads-" + poolId, urls(entries), Shared.PROTOCOL);
    }
  }

  /**
   * The vm pools' loaders: the worker's loader holds the library jars of the test class path (JUnit, the
   * project's dependencies), loaded once and kept warm; each file gets a fresh loader for the project's own
   * class folders (and the jars that share their packages, see {@link ClassPathSplit}), a child of the worker's, so
   * the project's statics are new in every file while the libraries' state is shared.
   */
  final class PerFile implements WorkerClassLoaders {
    @Override
    public URLClassLoader create(TestProject project, int poolId) {
      List<Path> entries = new ArrayList<>(ClassPathSplit.of(project.classpath()).libraries());
      entries.add(Shared.RUNTIME);
      return new ExitContainingClassLoader("lanes-" + project.pool() + "-" + poolId, urls(entries), Shared.PROTOCOL);
    }

    @Override
    public boolean isolatesEachFile() {
      return true;
    }

    @Override
    public Optional<Supplier<ClassLoader>> perFile(TestProject project, ClassLoader worker) {
      URL[] folders = urls(ClassPathSplit.of(project.classpath()).own());
      return Optional.of(() -> new ExitContainingClassLoader(null, folders, worker));
    }
  }

  /** Whether {@link #perFile} makes a loader for every file, so a worker is reused across files whatever {@code isolate} says. */
  default boolean isolatesEachFile() {
    return false;
  }

  /** For pools that run each file in a fresh class loader: what makes one, a child of the worker's {@code worker}. */
  default Optional<Supplier<ClassLoader>> perFile(TestProject project, ClassLoader worker) {
    return Optional.empty();
  }

  /** What all workers of the JVM share: the runtime's location, and the loader of the protocol the host speaks. */
  final class Shared {
    /** The worker runtime: its jar, or its class folder during development. */
    static final Path RUNTIME = WorkerMain.classpath().get(0);
    static final ProtocolClassLoader PROTOCOL = new ProtocolClassLoader(WorkerMain.class.getClassLoader(),
        Files.isDirectory(RUNTIME));

    private Shared() {
    }
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
