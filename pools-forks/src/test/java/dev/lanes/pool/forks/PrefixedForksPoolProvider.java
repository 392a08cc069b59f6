package dev.lanes.pool.forks;

import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.lanes.spi.PoolProvider;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pool = prefixed-forks}: the forks pool reused as a Guice module with one binding overridden, as a
 * third party would — the launch command gets an {@code env LANES_PREFIXED=yes} prefix.
 */
public final class PrefixedForksPoolProvider implements PoolProvider {
  @Override
  public String name() {
    return "prefixed-forks";
  }

  @Override
  public Module module() {
    return Modules.override(new ForksPoolModule()).with(binder -> binder.bind(JvmLauncher.class).toInstance(launch -> {
      List<String> command = new ArrayList<>(List.of("env", "LANES_PREFIXED=yes"));
      command.addAll(launch.command());
      return command;
    }));
  }
}
