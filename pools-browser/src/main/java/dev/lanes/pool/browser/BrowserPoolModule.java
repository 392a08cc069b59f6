package dev.lanes.pool.browser;

import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.lanes.spi.PoolContext;
import dev.lanes.spi.PoolModule;
import dev.lanes.spi.ProcessPool;
import dev.lanes.spi.support.ProcessPools;

/**
 * The {@code browser} pool as a Guice module: core's scheduler over {@link PageWorker}s, each a page of one
 * browser that the chosen provider launches. {@code isolate = true} opens every file in a fresh page of its own
 * browser context; {@code false} reuses a page for the project's files.
 */
public class BrowserPoolModule extends PoolModule {
  @Override
  protected void configure() {
    options(BrowserOptions.class);
  }

  @Provides
  @Singleton
  Browsers browsers(BrowserOptions options, PoolContext context) {
    return new Browsers(options, context.logger());
  }

  @Provides
  @Singleton
  ProcessPool pool(PoolContext context, Browsers browsers) {
    if (context.projects().stream().anyMatch(project -> project.coverage().isPresent())) {
      context.logger().info("[browser] measures no JVM coverage: its tests run JavaScript in the browser");
    }
    return ProcessPools.closingAlso(context.workerPool(worker -> new PageWorker(worker, browsers)), browsers::close);
  }
}
