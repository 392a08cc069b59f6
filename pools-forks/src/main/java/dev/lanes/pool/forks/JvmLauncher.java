package dev.lanes.pool.forks;

import java.util.List;

/**
 * Turns a worker's launch into the command line that starts it. The one moving part of the forks pool
 * meant to be replaced: bind your own in a module that installs {@link ForksPoolModule} with
 * {@code Modules.override}, e.g. to prefix the command with {@code nice -n 10} or run it in a container.
 */
public interface JvmLauncher {

  /** The command to start; must run {@code launch.mainClass()} with {@code launch.arguments()} on {@code launch.java()}. */
  List<String> command(JvmLaunch launch);

  /** The default: exactly {@link JvmLaunch#command()}. */
  final class Direct implements JvmLauncher {
    @Override
    public List<String> command(JvmLaunch launch) {
      return launch.command();
    }
  }
}
