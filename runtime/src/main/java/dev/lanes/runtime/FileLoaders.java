package dev.lanes.runtime;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A fresh class loader for each file (the vm pools): the file runs with it as its thread's context class
 * loader, from which JUnit loads the test class; afterwards the loader is closed, and threads the file left
 * running are stopped, so nothing keeps the loader (and the file's statics) alive.
 */
final class FileLoaders {
  private static final long STOP_MILLIS = 1_000;

  private final WorkerLoop.FileClassLoaders fresh;
  private final ClassLoader workerLoader;

  /** How a file ended: the threads it left running (now stopped), and what the worker's JVM keeps of it. */
  record Ended(List<String> leftOver, List<String> kept) {
  }

  FileLoaders(WorkerLoop.FileClassLoaders fresh, ClassLoader workerLoader) {
    this.fresh = fresh;
    this.workerLoader = workerLoader;
  }

  /** Runs {@code file} in a fresh loader; says which threads it left running (they are stopped) and what stays. */
  Ended run(Runnable file) {
    ClassLoader loader = fresh.open();
    Thread current = Thread.currentThread();
    ClassLoader before = current.getContextClassLoader();
    current.setContextClassLoader(loader);
    try {
      file.run();
    } finally {
      current.setContextClassLoader(before);
    }
    List<String> leftOver = stopThreadsOf(loader);
    List<String> kept = fresh.close(loader);
    if (loader instanceof Closeable closeable) {
      try {
        closeable.close();
      } catch (IOException e) {
        // its jars stay open until the loader is collected
      }
    }
    return new Ended(leftOver, kept);
  }

  /**
   * Threads that took the file's loader as their context class loader: those a test started, and those a
   * library started lazily while the file ran (JUnit's time-out watcher), which belong to the worker: they
   * are handed the worker's loader instead of being stopped.
   */
  private List<String> stopThreadsOf(ClassLoader loader) {
    List<Thread> started = new ArrayList<>();
    for (Thread thread : liveThreads()) {
      if (thread.getContextClassLoader() == loader) {
        if (thread.getName().startsWith("junit-")) {
          thread.setContextClassLoader(workerLoader);
        } else {
          started.add(thread);
        }
      }
    }
    List<String> names = new ArrayList<>();
    for (Thread thread : started) {
      names.add(thread.getName());
      thread.interrupt();
    }
    long deadline = System.nanoTime() + STOP_MILLIS * 1_000_000;
    for (Thread thread : started) {
      try {
        thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
      if (thread.isAlive()) {
        stop(thread);
      }
    }
    return names;
  }

  /** Every live platform thread, without the safepoint and stack walk of {@code Thread.getAllStackTraces()}. */
  private static List<Thread> liveThreads() {
    ThreadGroup root = Thread.currentThread().getThreadGroup();
    while (root.getParent() != null) {
      root = root.getParent();
    }
    Thread[] threads = new Thread[root.activeCount() + 8];
    int count = root.enumerate(threads, true);
    while (count == threads.length) { // more threads than there was room for: try again with more room
      threads = new Thread[threads.length * 2];
      count = root.enumerate(threads, true);
    }
    return Arrays.asList(threads).subList(0, count);
  }

  /** Up to JDK 19 a thread can still be stopped; later it stays, with the worker's loader, until the JVM ends. */
  @SuppressWarnings({"deprecation", "removal"})
  private void stop(Thread thread) {
    try {
      thread.stop();
    } catch (UnsupportedOperationException | LinkageError e) {
      thread.setContextClassLoader(workerLoader);
    }
  }
}
