package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards, blobs and their merge, the sequencer, shuffle, bail and retry, as separate {@code lanes} commands. */
class OrchestrationIT {
  private static final Pattern FILE_LINE = Pattern.compile("^ (?:✓|❯|×|↓) (orch\\.\\w+) ", Pattern.MULTILINE);

  @TempDir
  Path dir;

  @Test
  void threeShardsMergeIntoTheSameReportAsOneRun() throws Exception {
    OrchestrationSuite.write(dir, "");
    LanesCli.Result single = LanesCli.run(dir, "run");
    assertThat(single.exitCode()).as(single.all()).isEqualTo(1);

    List<String> union = new ArrayList<>();
    for (int index = 1; index <= 3; index++) {
      LanesCli.Result shard = LanesCli.run(dir, "run", "--shard", index + "/3", "--reporter", "blob");
      assertThat(shard.out()).as(shard.all()).contains("blob report written to .lanes-reports/blob-" + index + "-3.json");
      union.addAll(files(LanesCli.run(dir, "list", "--shard", index + "/3").out()));
    }
    assertThat(union).doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(OrchestrationSuite.ALL.stream().map(name -> "orch." + name).toList());

    LanesCli.Result merged = LanesCli.run(dir, "--merge-reports");
    assertThat(merged.exitCode()).as(merged.all()).isEqualTo(single.exitCode());
    assertThat(summary(merged.out())).isEqualTo(summary(single.out()));
    assertThat(merged.out()).contains("Test Files  2 failed | 5 passed (7)", "Tests  2 failed | 16 passed (18)")
        .contains("FAIL  orch.BrokenTest > multiplies()", "expected: <6> but was: <8>")
        .contains("Per blob  shard 1/3", "Per blob  shard 3/3");
    assertThat(Set.copyOf(moduleLines(merged.out()))).isEqualTo(Set.copyOf(moduleLines(single.out())));
  }

  @Test
  void blobsOfAnotherVersionAreRefused() throws Exception {
    OrchestrationSuite.write(dir, "");
    LanesCli.run(dir, "run", "--shard", "1/2", "--reporter", "blob");
    Path blob = dir.resolve(".lanes-reports/blob-1-2.json");
    Files.writeString(blob, Files.readString(blob).replaceFirst("\"lanes\":\"[^\"]+\"", "\"lanes\":\"0.0.9\""));

    LanesCli.Result merged = LanesCli.run(dir, "--merge-reports");

    assertThat(merged.exitCode()).isEqualTo(2);
    assertThat(merged.err()).contains("blob-1-2.json was written by Lanes 0.0.9, this is Lanes ");
  }

  @Test
  void moreShardsThanFilesIsAnErrorUnlessPassWithNoTests() throws Exception {
    OrchestrationSuite.write(dir, "");
    LanesCli.Result tooMany = LanesCli.run(dir, "run", "--shard", "8/8");
    assertThat(tooMany.exitCode()).isEqualTo(2);
    assertThat(tooMany.err()).contains("--shard <count> must be a smaller than count of test files. Resolved 7 test"
        + " files for --shard=8/8");

    LanesCli.Result empty = LanesCli.run(dir, "run", "--shard", "8/8", "--passWithNoTests");
    assertThat(empty.exitCode()).as(empty.all()).isZero();
  }

  @Test
  void theNextRunStartsWithWhatFailedAndASeedReplaysAnOrder() throws Exception {
    OrchestrationSuite.write(dir, "");
    LanesCli.Result first = LanesCli.run(dir, "run");
    List<String> firstOrder = files(first.out());
    assertThat(firstOrder).hasSize(7);

    List<String> secondOrder = files(LanesCli.run(dir, "run").out());
    assertThat(secondOrder.subList(0, 2)).containsExactlyInAnyOrder("orch.BrokenTest", "orch.FlakyTest");

    LanesCli.Result shuffled = LanesCli.run(dir, "run", "--sequence.shuffle", "--sequence.seed", "42");
    assertThat(shuffled.out()).contains("Running tests with seed \"42\"");
    List<String> again = files(LanesCli.run(dir, "run", "--sequence.shuffle", "--sequence.seed", "42").out());
    assertThat(again).isEqualTo(files(shuffled.out())).hasSize(7);
  }

  @Test
  void bailStopsAfterTheFirstFailureAndReportsTheRestSkipped() throws Exception {
    OrchestrationSuite.write(dir, "bail = 1\n");
    LanesCli.run(dir, "run", "--bail", "0"); // records the order: BrokenTest and FlakyTest failed, so they go first

    LanesCli.Result result = LanesCli.run(dir, "run");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
    assertThat(result.out()).contains("Test Files  1 failed | 6 skipped (7)")
        .contains("Bail  bail = 1, the run stopped after 1 failed test; 6 files not run");
  }

  @Test
  void retryTurnsATestThatFailsOnceIntoAPassWithOneRetryInEveryReport() throws Exception {
    OrchestrationSuite.write(dir, "retry = 2\noutputFile { json = \"report.json\", junit = \"report.xml\" }\n");

    LanesCli.Result result = LanesCli.run(dir, "run", "FlakyTest", "--reporter", "default", "--reporter", "json",
        "--reporter", "junit");

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out()).contains("✓ settles()").contains("(retry x1)")
        .contains("Flaky  1 test passed on a retry").contains("Tests  1 passed (1)");
    assertThat(Files.readString(dir.resolve("report.json"))).contains("\"retryCount\" : 1");
    assertThat(Files.readString(dir.resolve("report.xml"))).contains("<flakyFailure message=\"attempt 1 is too early")
        .doesNotContain("<failure");
  }

  /** The test classes in the order their lines came out (one worker: the order they ran). */
  private static List<String> files(String out) {
    List<String> files = new ArrayList<>();
    Matcher matcher = FILE_LINE.matcher(out);
    while (matcher.find()) {
      files.add(matcher.group(1));
    }
    if (files.isEmpty()) { // lanes list: one line per test, "orch.AlphaTest > adds0()  [engine:...]"
      Set<String> seen = new HashSet<>();
      out.lines().map(line -> line.split(" > ")[0]).filter(name -> name.startsWith("orch.") && seen.add(name))
          .forEach(files::add);
    }
    return files;
  }

  private static List<String> moduleLines(String out) {
    return out.lines().filter(line -> FILE_LINE.matcher(line).find()).map(line -> line.replaceAll(" \\d+(\\.\\d+)?m?s$", ""))
        .toList();
  }

  private static List<String> summary(String out) {
    return out.lines().filter(line -> line.contains("Test Files") || line.trim().startsWith("Tests ")).toList();
  }
}
