package dev.lanes.examples.retrying;

import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.lanes.pool.forks.ForksOptions;
import dev.lanes.pool.forks.ForksWorkers;
import dev.lanes.pool.forks.JvmLauncher;
import dev.lanes.spi.PoolContext;
import dev.lanes.spi.PoolModule;
import dev.lanes.spi.ProcessPool;
import dev.lanes.spi.WorkerFactory;
import java.util.ArrayList;
import java.util.List;

/** What this pool overrides in {@code ForksPoolModule}: the options, the launch command, and the pool. */
final class RetryingForksModule extends PoolModule {
  @Override
  protected void configure() {
    options(RetryingForksOptions.class);
  }

  /** The forks pool reads its options from ours: {@code poolOptions.retrying-forks.forks { ... }}. */
  @Provides
  @Singleton
  ForksOptions forksOptions(RetryingForksOptions options) {
    return options.forks();
  }

  @Provides
  @Singleton
  JvmLauncher launcher(RetryingForksOptions options) {
    return launch -> {
      List<String> command = new ArrayList<>(options.launchPrefix());
      command.addAll(launch.command());
      return command;
    };
  }

  @Provides
  @Singleton
  ProcessPool pool(PoolContext context, @ForksWorkers WorkerFactory forks, RetryingForksOptions options) {
    return context.workerPool(worker -> new RetryingWorker(worker, forks, options.retries()));
  }
}
