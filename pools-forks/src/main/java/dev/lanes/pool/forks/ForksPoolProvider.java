package dev.lanes.pool.forks;

import com.google.auto.service.AutoService;
import com.google.inject.Module;
import dev.lanes.spi.PoolProvider;

/** {@code pool = forks}. */
@AutoService(PoolProvider.class)
public final class ForksPoolProvider implements PoolProvider {
  @Override
  public String name() {
    return "forks";
  }

  @Override
  public Module module() {
    return new ForksPoolModule();
  }
}
