package dev.lanes.examples.tap;

import static dev.lanes.testkit.FileConditions.failedWith;
import static dev.lanes.testkit.FileConditions.passed;
import static dev.lanes.testkit.FileConditions.skipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lanes.spi.TestCase;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.testkit.PoolRun;
import dev.lanes.testkit.PoolTestKit;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packaged jar, loaded by path as {@code lanes run --pool target/tap-pool-<version>.jar} does, on the sample's
 * scripts: files of the pool's own kind reach it, each TAP line a test, a crash its file's failure.
 */
class TapPoolJarIT {
  private static final Path JAR = Path.of(System.getProperty("pool.jar"));
  private static final Path SAMPLE = Path.of("sample").toAbsolutePath();

  /** One run of every script, which the first two tests look at. */
  private static PoolRun run;

  private static PoolTestKit tap() {
    return PoolTestKit.poolJar(JAR, "").configFrom(SAMPLE);
  }

  @BeforeAll
  static void runEveryScript() {
    run = tap().run();
  }

  @Test
  void everyScriptRunsAndEachTapLineIsATest() {
    assertThat(run.files()).extracting(TestModule::moduleId).containsExactlyInAnyOrder("scripts/math.t",
        "scripts/strings.t", "scripts/crash.t", "scripts/database.t");
    assertThat(run.file("scripts/math.t")).is(passed());
    assertThat(states(run.file("scripts/math.t"))).isEqualTo(
        "adds PASS, multiplies PASS, divides SKIP no division on Sundays, subtracts PASS");
    assertThat(states(run.file("scripts/strings.t"))).isEqualTo(
        "trims PASS, upper-cases FAIL, reverses SKIP TODO: not written yet");
    TestCase upperCases = run.file("scripts/strings.t").tests().get(1);
    assertThat(upperCases.result().orElseThrow().errors()).extracting(TestError::message)
        .containsExactly("not ok 2 - upper-cases\nmessage: expected 'ABC', got 'abc'");
    assertThat(run.file("scripts/database.t")).is(skipped());
    assertThat(run.file("scripts/database.t").result().orElseThrow().note()).contains("no database here");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.orderViolations()).isEmpty();
  }

  @Test
  void aScriptThatCrashesFailsWithItsExitItsLastErrorsAndTheTestsItNeverRan() {
    TestModule crash = run.file("scripts/crash.t");
    assertThat(states(crash)).isEqualTo("starts PASS");
    assertThat(crash).is(failedWith("scripts/crash.t exited with code 137 (signal 9); its last errors:\nabout to crash"))
        .is(failedWith("planned 3 tests, ran 1"));
  }

  @Test
  void listingRunsTheScriptsAndListsTheirTests() {
    PoolRun listed = tap().collect();

    assertThat(listed.file("scripts/math.t").tests()).extracting(TestCase::name)
        .containsExactly("adds", "multiplies", "divides", "subtracts");
    assertThat(listed.file("scripts/strings.t").tests()).extracting(TestCase::name)
        .containsExactly("trims", "upper-cases", "reverses");
  }

  @Test
  void thePoolsGlobsAreOverriddenByItsNameAndAMisspeltNameIsAnError() {
    PoolRun one = tap().option("tap.include", List.of("**/math.t")).run();
    assertThat(one.files()).extracting(TestModule::moduleId).containsExactly("scripts/math.t");

    assertThatThrownBy(() -> tap().option("tapp.include", List.of("**/math.t")).run())
        .hasMessageContaining("unknown key 'tapp'; tapp.include and tapp.exclude choose the files of a pool named"
            + " 'tapp' that takes source files, and no pool is named so; known pools: ")
        .hasMessageContaining("tap");
  }

  private static String states(TestModule file) {
    return file.tests().stream().map(test -> test.name() + " " + test.result().orElseThrow().state()
        + (test.result().orElseThrow().state() == TaskState.SKIP ? " " + test.result().orElseThrow().note()
        .orElse("") : "")).collect(Collectors.joining(", "));
  }
}
