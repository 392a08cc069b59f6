package dev.lanes.core.internal.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.core.CoverageSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoverageRunTest {
  @TempDir
  Path root;

  @Test
  void aRunStartsFromNoDataOfItsOwnButAppendsToAGivenDataFile() throws Exception {
    CoverageSettings own = settings(root.resolve("coverage"), Optional.empty());
    Files.createDirectories(root.resolve("coverage"));
    Files.writeString(own.executionData(), "an earlier run's");
    CoverageSettings given = settings(root.resolve("coverage"), Optional.of(root.resolve("jacoco.exec")));
    Files.writeString(given.executionData(), "the build's agent wrote this");

    List<String> problems = new ArrayList<>();
    CoverageRun.prepare(own, problems);
    CoverageRun.prepare(given, problems);

    assertThat(problems).isEmpty();
    assertThat(own.executionData()).doesNotExist();
    assertThat(given.executionData()).hasContent("the build's agent wrote this");
  }

  @Test
  void aReportsFolderThatCannotBeWrittenIsAProblemNamingIt() throws Exception {
    Path file = Files.writeString(root.resolve("a-file"), "not a folder");
    List<String> problems = new ArrayList<>();

    CoverageRun.prepare(settings(file.resolve("coverage"), Optional.empty()), problems);

    assertThat(problems).singleElement().asString().startsWith("coverage: " + file.resolve("coverage/jacoco.exec"))
        .endsWith("set coverage.reportsDirectory to a folder that can be.");
  }

  @Test
  void thresholdsNameTheMeasuredAndTheRequiredFigures() {
    CoverageSettings settings = new CoverageSettings(true, List.of("*"), List.of(), List.of("text"), root,
        Optional.empty(), OptionalDouble.of(100), OptionalDouble.of(50));
    CoverageReport report = new CoverageReport(settings, List.of(), List.of());

    assertThat(report.belowThresholds(new CoverageReport.Totals(59, 64, 24, 26))).containsExactly(
        "ERROR: Coverage for lines (92.19%) does not meet the threshold (100.00%): 59 of 64 lines covered");
    assertThat(report.belowThresholds(new CoverageReport.Totals(64, 64, 12, 26))).containsExactly(
        "ERROR: Coverage for branches (46.15%) does not meet the threshold (50.00%): 12 of 26 branches covered");
  }

  private static CoverageSettings settings(Path reports, Optional<Path> dataFile) {
    return new CoverageSettings(true, List.of("*"), List.of(), List.of("text"), reports, dataFile,
        OptionalDouble.empty(), OptionalDouble.empty());
  }
}
