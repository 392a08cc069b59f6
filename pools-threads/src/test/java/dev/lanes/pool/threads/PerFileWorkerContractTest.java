package dev.lanes.pool.threads;

import dev.lanes.spi.PoolWorker;
import dev.lanes.spi.WorkerOptions;
import dev.lanes.testkit.PoolWorkerContract;

/** The vmThreads worker: a thread over the library jars, the class folders loaded afresh for every file. */
class PerFileWorkerContractTest extends PoolWorkerContract {
  @Override
  protected PoolWorker createWorker(WorkerOptions options) {
    return new ThreadsPoolWorker(options, new ThreadsOptions(0), new WorkerClassLoaders.PerFile());
  }

  @Override
  protected String poolName() {
    return "vmThreads";
  }

  @Override
  protected boolean isolatesEachFile() {
    return true;
  }
}
