package dev.lanes.examples.tap;

import com.google.auto.service.AutoService;
import com.google.inject.Module;
import dev.lanes.spi.PoolModule;
import dev.lanes.spi.PoolProvider;
import dev.lanes.spi.TestFiles;
import java.util.List;

/**
 * {@code pool = tap}, or {@code pool = "./tap-pool.jar"}: test scripts ({@code **}{@code /*.t} below
 * {@code testSourceDirs}; {@code tap.include} overrides it) whose output is TAP, the Test Anything Protocol that
 * Perl's {@code prove} reads. A file of its own kind: the pool needs no class path.
 */
@AutoService(PoolProvider.class)
public final class TapPoolProvider implements PoolProvider {
  /**
   * {@code poolOptions.tap}: {@code interpreter}, the command each script is given to ({@code ["bash"]}, {@code
   * ["perl"]}); empty, the default, runs the script itself (it must be executable).
   */
  public record Options(List<String> interpreter) {
    public Options {
      interpreter = interpreter == null ? List.of() : List.copyOf(interpreter);
    }
  }

  @Override
  public String name() {
    return "tap";
  }

  @Override
  public Module module() {
    return PoolModule.of(Options.class, TapPool::new);
  }

  @Override
  public TestFiles testFiles() {
    return TestFiles.sources(List.of("**/*.t"), List.of()).withoutClasspath();
  }
}
