package dev.lanes.examples.console;

import com.google.auto.service.AutoService;
import com.google.inject.Module;
import dev.lanes.spi.PoolModule;
import dev.lanes.spi.PoolProvider;
import java.util.List;

/** {@code pool = console-launcher}, or {@code pool = "./console-launcher-pool.jar"}: each class in its own JVM. */
@AutoService(PoolProvider.class)
public final class ConsoleLauncherPoolProvider implements PoolProvider {
  /** {@code poolOptions.console-launcher}: {@code jvmArgs}, each JVM's flags ({@code -Xmx256m}), none by default. */
  public record Options(List<String> jvmArgs) {
    public Options {
      jvmArgs = jvmArgs == null ? List.of() : List.copyOf(jvmArgs);
    }
  }

  @Override
  public String name() {
    return "console-launcher";
  }

  @Override
  public Module module() {
    return PoolModule.of(Options.class, ConsoleLauncherPool::new);
  }
}
