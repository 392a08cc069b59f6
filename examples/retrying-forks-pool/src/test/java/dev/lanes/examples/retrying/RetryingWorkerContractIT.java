package dev.lanes.examples.retrying;

import com.google.inject.Key;
import dev.lanes.pool.forks.ForksOptions;
import dev.lanes.pool.forks.ForksWorkers;
import dev.lanes.spi.PoolWorker;
import dev.lanes.spi.WorkerFactory;
import dev.lanes.spi.WorkerOptions;
import dev.lanes.testkit.PoolModules;
import dev.lanes.testkit.PoolWorkerContract;
import java.util.List;
import java.util.Map;

/** The retrying worker keeps the rules every worker keeps, over forked workers from the pool's own module. */
class RetryingWorkerContractIT extends PoolWorkerContract {
  // no class-data archive: a JVM writes it into the project's folder as it ends, which races the deletion of the
  // contract's temporary folder
  private final WorkerFactory forks = PoolModules.injector(new RetryingForksPoolProvider(),
      new RetryingForksOptions(1, null, new ForksOptions(List.of(), Map.of(), null, null, false)))
      .getInstance(Key.get(WorkerFactory.class, ForksWorkers.class));

  @Override
  protected PoolWorker createWorker(WorkerOptions options) {
    return new RetryingWorker(options, forks, 1);
  }
}
