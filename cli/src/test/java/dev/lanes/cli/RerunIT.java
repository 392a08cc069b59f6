package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running only part of a suite by what happened before: {@code --last-failed}. */
class RerunIT {
  private static final Pattern FILE_LINE = Pattern.compile("^ (?:✓|❯|×|↓) ([\\w.]+) ", Pattern.MULTILINE);

  @TempDir
  Path dir;

  /** The failing sample's classes, run from a folder of their own (its results cache is this test's). */
  private void failingSample() throws Exception {
    Path sample = LanesCli.example("failing-sample").resolve("target");
    Files.writeString(dir.resolve("lanes.conf"), """
        pool = threads
        classpath = ["%1$s/test-classes", "%1$s/classes", "@%1$s/lanes-classpath.txt"]
        testClassDirs = ["%1$s/test-classes"]
        """.formatted(sample.toString().replace("\\", "\\\\")));
  }

  @Test
  void lastFailedRunsOnlyTheFilesThatFailedInTheLastRunAndAllWhenNoneIsRecorded() throws Exception {
    failingSample();

    LanesCli.Result first = LanesCli.run(dir, "run", "--last-failed");
    assertThat(first.out()).as(first.all()).contains("--last-failed: no run of these test files is recorded"
        + " (target/lanes-cache); running all 2 files.");
    assertThat(files(first.out())).containsExactlyInAnyOrder("dev.lanes.fixtures.FailingAssertionsTest",
        "dev.lanes.fixtures.OutputAndAssumptionsTest");
    assertThat(first.exitCode()).isEqualTo(1);

    LanesCli.Result again = LanesCli.run(dir, "run", "--last-failed");
    assertThat(files(again.out())).as(again.all()).containsExactly("dev.lanes.fixtures.FailingAssertionsTest");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.out()).doesNotContain("--last-failed:");
  }

  private static List<String> files(String out) {
    List<String> files = new ArrayList<>();
    Matcher matcher = FILE_LINE.matcher(out);
    while (matcher.find()) {
      files.add(matcher.group(1));
    }
    return files;
  }
}
