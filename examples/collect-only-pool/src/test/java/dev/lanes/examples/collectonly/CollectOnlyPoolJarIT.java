package dev.lanes.examples.collectonly;

import static dev.lanes.testkit.FileConditions.skipped;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.spi.TestCase;
import dev.lanes.testkit.PoolRun;
import dev.lanes.testkit.PoolTestKit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The packaged jar, loaded by path as {@code lanes run --pool target/collect-only-pool-<version>.jar} does. */
class CollectOnlyPoolJarIT {
  @Test
  void theJarIsLoadedByPath() {
    Path jar = Path.of(System.getProperty("pool.jar"));

    PoolRun run = Fixtures.on(PoolTestKit.poolJar(jar, "")).run();

    assertThat(run.files()).singleElement().is(skipped());
    assertThat(run.file(Fixtures.WOULD_FAIL).tests()).extracting(TestCase::name)
        .containsExactly("first()", "second()");
    assertThat(run.orderViolations()).isEmpty();
  }
}
