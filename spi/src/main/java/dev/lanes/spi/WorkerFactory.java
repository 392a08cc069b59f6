package dev.lanes.spi;

/** Creates the workers of a pool; {@link PoolContext#workerPool} turns it into a complete {@link ProcessPool}. */
@FunctionalInterface
public interface WorkerFactory {
  PoolWorker create(WorkerOptions options);

  /**
   * Whether these workers run every file in a fresh world of its own (a class loader, a context), as the vm
   * pools do. The scheduler then treats {@code isolate} as met by the worker: it reuses a worker across files
   * whatever {@code isolate} says (Vitest forces {@code isolate = false} for its vm pools), sends one file per
   * request, and retires a worker once the memory it reports after a file passes the project's
   * {@link TestProject#vmMemoryLimit()}.
   */
  default boolean isolatesEachFile() {
    return false;
  }

  /** {@code factory}, whose workers run every file in a fresh world of its own; see {@link #isolatesEachFile()}. */
  static WorkerFactory isolatingEachFile(WorkerFactory factory) {
    return new WorkerFactory() {
      @Override
      public PoolWorker create(WorkerOptions options) {
        return factory.create(options);
      }

      @Override
      public boolean isolatesEachFile() {
        return true;
      }
    };
  }
}
