package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report that cannot be written is an error naming its path and why, never a silent exit 0: refused before the run
 * when it can be known then, a failed run when it is only known at the end; shards missing from a merge are named.
 */
class ReportFailuresIT {
  @TempDir
  Path dir;

  @Test
  void aReportBelowAFileIsRefusedBeforeTheRun() throws Exception {
    Path project = project("");

    LanesCli.Result result = LanesCli.run(project, "run", "--reporter", "junit", "--outputFile", "lanes.conf/x.xml");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
    assertThat(result.err()).contains("the junit report cannot be written to " + project.resolve("lanes.conf/x.xml")
        + ": " + project.resolve("lanes.conf") + " is a file, not a folder");
    assertThat(result.out()).doesNotContain("Test Files");
  }

  @Test
  void aReportOverAFolderIsRefusedBeforeTheRun() throws Exception {
    Path project = project("");

    LanesCli.Result result = LanesCli.run(project, "run", "--reporter", "json", "--outputFile", "classes");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
    assertThat(result.err()).contains("the json report cannot be written to " + project.resolve("classes")
        + ": it is a folder, not a file");
  }

  @Test
  void aReportInAFolderThatCannotBeWrittenIsRefusedBeforeTheRun() throws Exception {
    assumeFalse("root".equals(System.getProperty("user.name")), "root may write any folder");
    Path project = project("");
    Path readOnly = Files.createDirectories(project.resolve("read-only"));
    Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));

    LanesCli.Result result = LanesCli.run(project, "run", "--reporter", "html", "--outputFile",
        "read-only/report/index.html");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
    assertThat(result.err()).contains("the html report cannot be written to "
        + project.resolve("read-only/report/index.html") + ": " + readOnly + " cannot be written");
  }

  @Test
  void twoReportersGivenOneFileAreRefused() throws Exception {
    Path project = project("");

    LanesCli.Result result = LanesCli.run(project, "run", "--reporter", "junit", "--reporter", "json",
        "--outputFile", "report.out");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
    assertThat(result.err()).contains("the junit and json reporters would both write " + project.resolve("report.out"));
    assertThat(project.resolve("report.out")).doesNotExist();
  }

  @Test
  void aReportThatFailsAtTheEndFailsTheRunAndSaysWhy() throws Exception {
    // the test puts a file where the report's folder would be: only known when the report is written
    Path project = project("""
        java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("user.dir"), "reports"), "x");
        """);

    LanesCli.Result result = LanesCli.run(project, "run", "--pool", "threads", "--reporter", "default",
        "--reporter", "junit", "--outputFile", "junit=reports/junit.xml");

    assertThat(result.out()).as(result.all()).contains("Tests  1 passed (1)");
    assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
    assertThat(result.out()).contains("ERROR: the JUNIT report cannot be written to " + project.resolve(
        "reports/junit.xml") + ": ");
  }

  @Test
  void aMergeWithAShardMissingNamesItWithOrWithoutPassWithNoTests() throws Exception {
    OrchestrationSuite.write(dir, "");
    for (int index = 1; index <= 3; index++) {
      LanesCli.Result shard = LanesCli.run(dir, "run", "--shard", index + "/3", "--reporter", "blob");
      assertThat(shard.out()).as(shard.all()).contains("blob-" + index + "-3.json");
    }
    Files.delete(dir.resolve(".lanes-reports/blob-2-3.json"));

    for (String[] args : new String[][] {{"--merge-reports"}, {"--merge-reports", "--passWithNoTests"}}) {
      LanesCli.Result merged = LanesCli.run(dir, args);

      assertThat(merged.exitCode()).as(merged.all()).isEqualTo(2);
      assertThat(merged.err()).contains("--merge-reports: shard 2/3 is missing from " + dir.resolve(".lanes-reports")
          + " (blob-2-3.json)");
      assertThat(merged.out()).doesNotContain("Test Files");
    }
  }

  @Test
  void anEmptyShardStillWritesItsBlobSoTheMergeIsWhole() throws Exception {
    OrchestrationSuite.write(dir, "");
    for (int index = 1; index <= 8; index++) {
      LanesCli.Result shard = LanesCli.run(dir, "run", "--shard", index + "/8", "--reporter", "blob",
          "--passWithNoTests");
      assertThat(shard.exitCode()).as(shard.all()).isIn(0, 1);
    }
    assertThat(dir.resolve(".lanes-reports/blob-8-8.json")).exists();

    LanesCli.Result merged = LanesCli.run(dir, "--merge-reports");

    assertThat(merged.out()).as(merged.all()).contains("Test Files  2 failed | 5 passed (7)");
  }

  /** A project of one passing test whose body is {@code body}. */
  private Path project(String body) throws Exception {
    return TestProjects.write(dir.resolve("project"), "", Map.of("reports.WritingTest", """
        package reports;
        class WritingTest {
          @org.junit.jupiter.api.Test void writes() throws Exception {
            %s
          }
        }
        """.formatted(body)));
  }
}
