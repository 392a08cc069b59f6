package dev.lanes.pool.threads;

import com.google.auto.service.AutoService;
import com.google.inject.Module;
import dev.lanes.spi.PoolProvider;

/** {@code pool = threads}. */
@AutoService(PoolProvider.class)
public final class ThreadsPoolProvider implements PoolProvider {
  @Override
  public String name() {
    return "threads";
  }

  @Override
  public Module module() {
    return new ThreadsPoolModule();
  }
}
