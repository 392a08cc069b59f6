package dev.lanes.examples.collectonly;

import com.google.auto.service.AutoService;
import com.google.inject.Module;
import dev.lanes.spi.PoolProvider;

/** {@code pool = collect-only}, or {@code pool = "./collect-only-pool.jar"}. */
@AutoService(PoolProvider.class)
public final class CollectOnlyPoolProvider implements PoolProvider {
  @Override
  public String name() {
    return "collect-only";
  }

  @Override
  public Module module() {
    return new CollectOnlyPoolModule();
  }
}
