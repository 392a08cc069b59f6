package dev.lanes.pool.browser;

import com.google.auto.service.AutoService;
import com.google.inject.Module;
import dev.lanes.spi.PoolProvider;

/** {@code pool = browser}. */
@AutoService(PoolProvider.class)
public final class BrowserPoolProvider implements PoolProvider {
  @Override
  public String name() {
    return "browser";
  }

  @Override
  public Module module() {
    return new BrowserPoolModule();
  }
}
