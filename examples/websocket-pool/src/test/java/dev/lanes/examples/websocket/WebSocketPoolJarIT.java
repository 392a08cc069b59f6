package dev.lanes.examples.websocket;

import static dev.lanes.testkit.FileConditions.passed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.testkit.PoolRun;
import dev.lanes.testkit.PoolTestKit;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The packaged jar (the pool, with Jetty shaded into it), loaded by path as {@code lanes run --pool <jar>} does. */
class WebSocketPoolJarIT {
  @Test
  void theJarIsLoadedByPathAndItsAgentsRunTheFiles() {
    Path jar = Path.of(System.getProperty("pool.jar"));

    PoolRun run = Fixtures.on(PoolTestKit.poolJar(jar, ""), Fixtures.PASSING).run();

    assertThat(run.files()).hasSize(4).allMatch(passed()::matches);
    assertThat(run.orderViolations()).isEmpty();
    assertThat(Fixtures.agentPids(run.console())).hasSize(2);
  }
}
