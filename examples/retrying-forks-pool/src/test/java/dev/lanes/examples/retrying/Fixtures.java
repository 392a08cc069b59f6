package dev.lanes.examples.retrying;

import dev.lanes.testkit.PoolTestKit;
import dev.lanes.testkit.TestClasspath;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** This module's fixture classes as a run's test class path, with the options the fixtures check. */
final class Fixtures {
  static final Path FOLDER = TestClasspath.of(Fixtures.class);

  private Fixtures() {
  }

  static PoolTestKit on(PoolTestKit kit, Path markers, String include) {
    return kit.classpath(TestClasspath.withJupiter(FOLDER)).testClassDirs(FOLDER).include(include)
        .option("poolOptions.retrying-forks.launchPrefix", List.of("env", "RETRY_POOL_PREFIX=on"))
        .option("poolOptions.retrying-forks.forks.env", Map.of(
            "FLAKY_MARKER", markers.resolve("flaky").toString(), "CRASH_MARKER", markers.resolve("crash").toString()));
  }
}
