package dev.lanes.pool.browser;

import com.google.auto.service.AutoService;
import com.google.inject.Module;
import dev.lanes.spi.PoolProvider;
import dev.lanes.spi.TestFiles;
import java.util.List;

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

  /** JavaScript modules below {@code testSourceDirs} ({@code browser.include} overrides it); no class path needed. */
  @Override
  public TestFiles testFiles() {
    return TestFiles.sources(List.of("**/*.browser.test.js", "**/*.browser.test.mjs"), List.of()).withoutClasspath();
  }
}
