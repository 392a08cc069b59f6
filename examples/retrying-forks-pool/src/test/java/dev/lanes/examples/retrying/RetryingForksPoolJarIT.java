package dev.lanes.examples.retrying;

import static dev.lanes.testkit.FileConditions.passed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.testkit.PoolRun;
import dev.lanes.testkit.PoolTestKit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, loaded by path as {@code lanes run --pool <jar>} does. */
class RetryingForksPoolJarIT {
  @TempDir
  Path markers;

  @Test
  void theJarIsLoadedByPathAndItsOptionsArriveThroughGuice() {
    Path jar = Path.of(System.getProperty("pool.jar"));

    PoolRun run = Fixtures.on(PoolTestKit.poolJar(jar, ""), markers, "**/FlakyFixture.class").run();

    assertThat(run.files()).singleElement().is(passed());
    assertThat(run.orderViolations()).isEmpty();
  }
}
