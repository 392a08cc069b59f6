package dev.lanes.examples.collectonly;

import static dev.lanes.testkit.FileConditions.skipped;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.spi.TestCase;
import dev.lanes.testkit.PoolRun;
import dev.lanes.testkit.PoolTestKit;
import org.junit.jupiter.api.Test;

/** The pool through Lanes' real core, given as an instance. */
class CollectOnlyPoolTest {
  private static final String FIXTURE = Fixtures.WOULD_FAIL;

  @Test
  void aRunReportsEveryTestAsCollectedAndRunsNone() {
    PoolRun run = Fixtures.on(PoolTestKit.provider(new CollectOnlyPoolProvider())).run();

    assertThat(run.files()).singleElement().is(skipped());
    assertThat(run.file(FIXTURE).tests()).extracting(TestCase::name).containsExactly("first()", "second()");
    assertThat(run.file(FIXTURE).tests()).allSatisfy(test ->
        assertThat(test.result().orElseThrow().note()).contains(CollectOnlyPool.NOT_RUN));
    assertThat(run.console()).doesNotContain("a collect-only pool ran a test");
    assertThat(run.exitCode()).isZero();
    assertThat(run.orderViolations()).isEmpty();
  }

  @Test
  void listingShowsTheTests() {
    PoolRun listed = Fixtures.on(PoolTestKit.provider(new CollectOnlyPoolProvider())).collect();

    assertThat(listed.file(FIXTURE).tests()).extracting(TestCase::name).containsExactly("first()", "second()");
  }

  @Test
  void theTestAnnotationIsATypedOption() {
    PoolRun run = Fixtures.on(PoolTestKit.provider(new CollectOnlyPoolProvider()))
        .option("poolOptions.collect-only.testAnnotation", "org.junit.jupiter.api.RepeatedTest").run();

    assertThat(run.file(FIXTURE).tests()).extracting(TestCase::name).containsExactly("repeated()");
  }
}
