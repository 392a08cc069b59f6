package dev.lanes.pool.threads;

import dev.lanes.runtime.ClassPathSplit;
import dev.lanes.runtime.WorkerMain;
import dev.lanes.spi.TestProject;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Makes the class loaders a worker thread runs in. */
public interface WorkerClassLoaders extends Closeable {

  /**
   * The loaders of a worker that starts, for the project's test class path plus the Lanes worker runtime;
   * {@code isolate} is the project's setting.
   */
  Loaders create(TestProject project, int poolId, boolean isolate);

  /**
   * A worker's loaders: {@code runtime} holds the Lanes worker runtime and the JUnit Platform it drives, {@code tests}
   * loads the test classes (the same loader, or a child of it); {@code owned} is the one closed when the worker stops.
   */
  record Loaders(ClassLoader runtime, ClassLoader tests, URLClassLoader owned) {
    static Loaders single(URLClassLoader loader) {
      return new Loaders(loader, loader, loader);
    }
  }

  /**
   * The threads pool's loaders. Their parent shares only the protocol and its codec with the host
   * ({@link ProtocolClassLoader}); nothing else of the host (its JUnit, its Guice, its own Jackson) is visible to the
   * tests.
   *
   * <p>With {@code isolate = false}, one loader over the whole test class path and the runtime, kept by the worker
   * across files. With {@code isolate = true}, every worker (one per file) gets a fresh loader over the whole test class
   * path but the test framework ({@link ClassPathSplit#testFramework}): the project's classes and every library they use
   * are new in each file, as in a fresh JVM. The JUnit Platform, its engines and the runtime stay loaded in a parent
   * kept for each worker slot ({@code poolId}, so never two workers at once), where they are warm after the slot's first
   * file: reloading them cost ≈ 140 ms a file, seventy times what the file's own classes cost.
   */
  final class Isolated implements WorkerClassLoaders {
    private final Map<Slot, URLClassLoader> frameworks = new ConcurrentHashMap<>();

    private record Slot(List<Path> classpath, int poolId) {
    }

    @Override
    public Loaders create(TestProject project, int poolId, boolean isolate) {
      if (!isolate) {
        List<Path> entries = new ArrayList<>(project.classpath());
        entries.add(Shared.RUNTIME);
        return Loaders.single(assertions(project, new ExitContainingClassLoader("lanes-threads-" + poolId,
            urls(entries), Shared.PROTOCOL, project.coverage())));
      }
      ClassPathSplit split = ClassPathSplit.testFramework(project.classpath());
      URLClassLoader framework = frameworks.computeIfAbsent(new Slot(project.classpath(), poolId), slot -> {
        List<Path> entries = new ArrayList<>(split.libraries());
        entries.add(Shared.RUNTIME);
        return assertions(project,
            new ExitContainingClassLoader("lanes-threads-framework-" + poolId, urls(entries), Shared.PROTOCOL));
      });
      URLClassLoader tests = assertions(project, new ExitContainingClassLoader("lanes-threads-" + poolId,
          urls(split.own()), framework, project.coverage()));
      return new Loaders(framework, tests, tests);
    }

    /** The slot's next worker gets a framework loader of its own; this one stays open for the thread still in it. */
    @Override
    public void abandon(Loaders loaders) {
      frameworks.values().remove(loaders.runtime());
    }

    @Override
    public void close() {
      frameworks.values().forEach(WorkerClassLoaders::closeQuietly);
      frameworks.clear();
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
    public Loaders create(TestProject project, int poolId, boolean isolate) {
      List<Path> entries = new ArrayList<>(ClassPathSplit.of(project.classpath()).libraries());
      entries.add(Shared.RUNTIME);
      return Loaders.single(assertions(project,
          new ExitContainingClassLoader("lanes-" + project.pool() + "-" + poolId, urls(entries), Shared.PROTOCOL)));
    }

    @Override
    public boolean isolatesEachFile() {
      return true;
    }

    @Override
    public Optional<Supplier<ClassLoader>> perFile(TestProject project, ClassLoader worker) {
      URL[] folders = urls(ClassPathSplit.of(project.classpath()).own());
      return Optional.of(() -> assertions(project, new ExitContainingClassLoader(null, folders, worker,
          project.coverage())));
    }
  }

  /**
   * A worker was stopped in the middle of a file (stuck past its time-out): its thread may run on in {@code loaders},
   * so none of them may serve another worker.
   */
  default void abandon(Loaders loaders) {
  }

  /** Closes the loaders kept across workers; called when the pool closes. */
  @Override
  default void close() {
  }

  /** Closes {@code loader}; a jar it cannot close stays open until the JVM ends, and nothing else depends on it. */
  static void closeQuietly(URLClassLoader loader) {
    try {
      loader.close();
    } catch (IOException e) {
      // as said
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

  /**
   * {@code loader}, with assertions on for the classes it defines when the project's JVM flags ask for them ({@code -ea},
   * Surefire's default): the one flag an in-process pool can honour.
   */
  static <T extends ClassLoader> T assertions(TestProject project, T loader) {
    if (project.environment().enablesAssertions()) {
      loader.setDefaultAssertionStatus(true);
    }
    return loader;
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
