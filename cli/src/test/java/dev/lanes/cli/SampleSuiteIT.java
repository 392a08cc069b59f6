package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sample suites through the real command: counts as Surefire's, failures as a person reads them, list runs nothing. */
class SampleSuiteIT {
  @ParameterizedTest(name = "{0} in {1}")
  @CsvSource({"sample-project, threads", "sample-junit6, threads", "sample-project, vmThreads",
      "sample-junit6, vmThreads", "sample-project, vmForks", "sample-junit6, vmForks"})
  void theSampleSuitesPassWithSurefiresCounts(String sample, String pool) throws Exception {
    SurefireReports.Counts surefire = SurefireReports.total(
        SurefireReports.ofSurefire(SurefireReports.surefireReportsOf(sample)));

    LanesCli.Result result = LanesCli.run(LanesCli.REPO, "run", "--root", "examples/" + sample, "--pool", pool);

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(surefire.tests()).isEqualTo(22);
    assertThat(result.out()).contains("Test Files  5 passed (5)")
        .contains("Tests  " + surefire.tests() + " passed (" + surefire.tests() + ")")
        .contains("stdout | dev.lanes.sample.InvoicePrinterTest > printsLinesAndTotal()\n  EUR 10.00");
  }

  @Test
  void aFailingSuiteShowsMessagesExpectedActualAndTheTestsLineAndExitsOne() throws Exception {
    SurefireReports.Counts surefire = SurefireReports.total(
        SurefireReports.ofSurefire(LanesCli.example("failing-sample").resolve("target/surefire-reports")));

    LanesCli.Result result = LanesCli.run(LanesCli.example("failing-sample"), "run");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
    int failed = surefire.failures() + surefire.errors();
    int passed = surefire.tests() - failed - surefire.skipped();
    assertThat(result.out())
        .contains("Tests  " + failed + " failed | " + passed + " passed | " + surefire.skipped() + " skipped (" + surefire.tests() + ")")
        .contains("FAIL  dev.lanes.fixtures.FailingAssertionsTest > failsWithExpectedAndActual()")
        .contains("AssertionFailedError: two and two ==> expected: <3> but was: <4>")
        .contains("- Expected\n+ Received\n\n- 3\n+ 4")
        .contains("❯ dev.lanes.fixtures.FailingAssertionsTest.failsWithExpectedAndActual(FailingAssertionsTest.java:22)")
        .contains("IllegalStateException: not an assertion")
        .doesNotContain("org.junit.platform.engine.support.hierarchical");
  }

  @Test
  void listPrintsEveryTestAndRunsNone() throws Exception {
    Path marker = LanesCli.example("sample-project").resolve("target/lanes-probe/RunMarkerTest.ran");
    Files.deleteIfExists(marker);

    LanesCli.Result list = LanesCli.run(LanesCli.REPO, "list", "--root", "examples/sample-project");

    assertThat(list.exitCode()).as(list.all()).isZero();
    // 14 tests plus 2 parameterized methods, listed once each by the id that selects all their invocations
    assertThat(list.out().lines().filter(line -> line.contains("[engine:junit-jupiter]"))).hasSize(16);
    assertThat(list.out()).contains("dev.lanes.sample.MoneyTest > allocation > splitsEvenly()")
        .contains("[engine:junit-jupiter]/[class:dev.lanes.sample.SlugsTest]/[test-template:slugifies(java.lang.String, java.lang.String)]")
        .contains("[engine:junit-jupiter]/[class:dev.lanes.sample.RunMarkerTest]/[method:leavesAMark()]");
    assertThat(marker).doesNotExist();

    LanesCli.Result run = LanesCli.run(LanesCli.REPO, "run", "--root", "examples/sample-project", "RunMarker");

    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(marker).as("the probe proves a run does write the marker").exists();
  }

  @Test
  void listAsJsonGivesIdsOfEveryTest() throws Exception {
    LanesCli.Result list = LanesCli.run(LanesCli.REPO, "list", "--json", "--root", "examples/sample-junit6");

    JsonNode tests = new ObjectMapper().readTree(list.out());
    assertThat(tests).hasSize(16);
    assertThat(tests.get(0).path("uniqueId").asText()).startsWith("[engine:junit-jupiter]");
    assertThat(tests.get(0).path("id").asText()).matches("-?\\d+_\\d+(_\\d+)*");
  }
}
