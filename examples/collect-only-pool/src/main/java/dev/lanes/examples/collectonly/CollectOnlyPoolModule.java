package dev.lanes.examples.collectonly;

import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.lanes.spi.PoolContext;
import dev.lanes.spi.PoolModule;
import dev.lanes.spi.ProcessPool;

/** Binds the pool; its typed options come from {@code poolOptions.collect-only}. */
public class CollectOnlyPoolModule extends PoolModule {
  @Override
  protected void configure() {
    options(CollectOnlyOptions.class);
  }

  @Provides
  @Singleton
  ProcessPool pool(PoolContext context, CollectOnlyOptions options) {
    return new CollectOnlyPool(context, options);
  }
}
