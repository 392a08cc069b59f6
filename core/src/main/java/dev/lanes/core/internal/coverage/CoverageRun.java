package dev.lanes.core.internal.coverage;

import dev.lanes.core.CoverageSettings;
import dev.lanes.core.ProjectConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** Coverage at the two ends of a run: a fresh data file before the pools start, the reports once they closed. */
public final class CoverageRun {
  private CoverageRun() {
  }

  /**
   * A run that measures coverage into Lanes' own data file starts from none; a data file that was given (JaCoCo's
   * {@code destfile} of a build) is appended to, as JaCoCo's agent does. A folder that cannot be written is a problem.
   */
  public static void prepare(CoverageSettings coverage, List<String> problems) {
    try {
      Files.createDirectories(coverage.executionData().toAbsolutePath().getParent());
      if (coverage.dataFile().isEmpty()) {
        Files.deleteIfExists(coverage.executionData());
      }
    } catch (IOException e) {
      problems.add("coverage: " + coverage.executionData() + " cannot be written (" + e.getMessage() + "); set "
          + "coverage.reportsDirectory to a folder that can be.");
    }
  }

  /**
   * The reports of the run's execution data ({@code data}), over the main classes of {@code projects}; false when the
   * coverage is below a threshold (said on the console) or no report could be written.
   */
  public static boolean report(CoverageSettings coverage, List<ProjectConfig> projects, PrintStream console,
                               Callable<byte[]> data) {
    List<Path> classes = new ArrayList<>();
    List<Path> sources = new ArrayList<>();
    for (ProjectConfig project : projects) {
      classes.addAll(CoverageReport.mainClassFolders(project.classpath(), project.testClassDirs()));
      sources.add(project.root().resolve("src/main/java"));
    }
    CoverageReport report = new CoverageReport(coverage, classes, sources);
    try {
      List<String> below = report.belowThresholds(report.write(data.call(), console));
      below.forEach(console::println);
      return below.isEmpty();
    } catch (Exception e) {
      console.println("ERROR: the coverage report could not be written to " + coverage.reportsDirectory() + ": "
          + e.getMessage());
      return false;
    }
  }
}
