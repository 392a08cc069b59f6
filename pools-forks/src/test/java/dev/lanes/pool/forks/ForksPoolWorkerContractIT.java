package dev.lanes.pool.forks;

import dev.lanes.spi.PoolWorker;
import dev.lanes.spi.WorkerOptions;
import dev.lanes.testkit.PoolWorkerContract;
import java.util.List;
import java.util.Map;

class ForksPoolWorkerContractIT extends PoolWorkerContract {
  private final WorkerJvms jvms = new WorkerJvms(new ForksOptions(List.of(), Map.of(), null, null, false),
      new JvmLauncher.Direct(), new ClassDataArchives(), folders(), message -> { });

  ClassFolders folders() {
    return ClassFolders.PER_WORKER;
  }

  @Override
  protected PoolWorker createWorker(WorkerOptions options) {
    return new ForksPoolWorker(options, jvms, folders() == ClassFolders.PER_FILE);
  }

  @Override
  protected String poolName() {
    return "forks";
  }
}
