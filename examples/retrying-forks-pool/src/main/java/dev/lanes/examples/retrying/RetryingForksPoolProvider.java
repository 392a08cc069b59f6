package dev.lanes.examples.retrying;

import com.google.auto.service.AutoService;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.lanes.pool.forks.ForksPoolModule;
import dev.lanes.spi.PoolProvider;

/**
 * {@code pool = retrying-forks}: Lanes' forks pool, reused as a Guice module, with two bindings of its
 * own — the JVM launch command gets a prefix, and the pool reruns a failed file once in a fresh JVM.
 */
@AutoService(PoolProvider.class)
public final class RetryingForksPoolProvider implements PoolProvider {
  @Override
  public String name() {
    return "retrying-forks";
  }

  @Override
  public Module module() {
    return Modules.override(new ForksPoolModule()).with(new RetryingForksModule());
  }
}
