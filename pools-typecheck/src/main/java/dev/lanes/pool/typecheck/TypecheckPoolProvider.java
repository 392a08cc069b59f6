package dev.lanes.pool.typecheck;

import com.google.auto.service.AutoService;
import com.google.inject.Module;
import dev.lanes.spi.PoolProvider;

/** {@code pool = typecheck}. */
@AutoService(PoolProvider.class)
public final class TypecheckPoolProvider implements PoolProvider {
  @Override
  public String name() {
    return "typecheck";
  }

  @Override
  public Module module() {
    return new TypecheckPoolModule();
  }
}
