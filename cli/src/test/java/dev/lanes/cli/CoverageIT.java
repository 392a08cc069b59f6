package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.pool.browser.provider.Executables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lanes run --coverage} on the sample suite: JaCoCo measures it in every JVM pool (its agent in the forked
 * pools, its instrumenter in the in-process ones) with the same counters, writes its HTML report (rendered here by a
 * real headless Chromium), {@code jacoco.xml} and a table on the console; three shards merge into the coverage of one
 * run; a threshold above the measured coverage fails the run.
 */
class CoverageIT {
  private static final Pattern REPORT_COUNTER =
      Pattern.compile("<counter type=\"(\\w+)\" missed=\"(\\d+)\" covered=\"(\\d+)\"/>(?=(?:<counter[^>]*/>)*</report>)");

  @TempDir
  Path dir;

  @Test
  void everyJvmPoolMeasuresTheSameCoverage() throws Exception {
    Map<String, Map<String, String>> byPool = new TreeMap<>();
    for (String pool : List.of("threads", "vmThreads", "forks", "vmForks")) {
      LanesCli.Result run = runSample("--pool", pool);

      assertThat(run.exitCode()).as(pool + "\n" + run.all()).isZero();
      assertThat(run.out()).contains("Tests  22 passed (22)", "% Coverage report from JaCoCo",
          "Coverage report written to target/lanes-coverage (index.html, jacoco.xml)");
      assertThat(run.out()).containsPattern("dev\\.lanes\\.sample +\\| +\\d+\\.\\d\\d \\| +\\d+\\.\\d\\d \\|");
      byPool.put(pool, counters(dir.resolve("target/lanes-coverage/jacoco.xml")));
    }
    assertThat(byPool.get("threads")).containsKeys("LINE", "BRANCH", "INSTRUCTION", "METHOD", "CLASS");
    assertThat(byPool.get("threads").get("LINE")).as("lines covered").doesNotStartWith("0/");
    assertThat(byPool.values()).as("the counters of every pool").allMatch(byPool.get("threads")::equals);
  }

  @Test
  void theHtmlReportRendersWithTheTotalsOfTheXmlReport() throws Exception {
    LanesCli.Result run = runSample();
    assertThat(run.exitCode()).as(run.all()).isZero();
    Map<String, String> counters = counters(dir.resolve("target/lanes-coverage/jacoco.xml"));

    String dom = chromium(dir.resolve("target/lanes-coverage/index.html"));

    assertThat(dom).contains("dev.lanes.sample");
    String[] lines = counters.get("LINE").split("/");
    int missed = Integer.parseInt(lines[1]) - Integer.parseInt(lines[0]);
    Matcher total = Pattern.compile("<tfoot>.*?</tfoot>", Pattern.DOTALL).matcher(dom);
    assertThat(total.find()).as("the totals row of\n" + dom).isTrue();
    assertThat(total.group()).contains(">Total<").contains(">" + missed + "<").contains(">" + lines[1] + "<");
  }

  @Test
  void threeShardsMergeIntoTheCoverageOfOneRun() throws Exception {
    LanesCli.Result single = runSample();
    assertThat(single.exitCode()).as(single.all()).isZero();
    Map<String, String> whole = counters(dir.resolve("target/lanes-coverage/jacoco.xml"));
    Files.delete(dir.resolve("target/lanes-coverage/jacoco.xml"));

    for (int index = 1; index <= 3; index++) {
      LanesCli.Result shard = runSample("--shard", index + "/3", "--reporter", "blob");
      assertThat(shard.exitCode()).as(shard.all()).isZero();
    }
    LanesCli.Result merged = LanesCli.run(dir, "--merge-reports", "--coverage");

    assertThat(merged.exitCode()).as(merged.all()).isZero();
    assertThat(merged.out()).contains("Tests  22 passed (22)", "% Coverage report from JaCoCo");
    assertThat(counters(dir.resolve("target/lanes-coverage/jacoco.xml"))).isEqualTo(whole);
  }

  @Test
  void aThresholdAboveTheMeasuredCoverageFailsTheRun() throws Exception {
    Files.writeString(dir.resolve("lanes.conf"), LanesCli.sampleClasspathConf() + "coverage.thresholds.lines = 100\n");

    LanesCli.Result run = LanesCli.run(dir, "run", "--coverage");

    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).contains("Tests  22 passed (22)")
        .containsPattern("ERROR: Coverage for lines \\(\\d+\\.\\d\\d%\\) does not meet the threshold \\(100\\.00%\\): "
            + "\\d+ of \\d+ lines covered");
  }

  private LanesCli.Result runSample(String... more) throws Exception {
    Files.writeString(dir.resolve("lanes.conf"), LanesCli.sampleClasspathConf());
    List<String> args = new java.util.ArrayList<>(List.of("run", "--coverage"));
    args.addAll(List.of(more));
    return LanesCli.run(dir, args.toArray(String[]::new));
  }

  /** The report-level counters of a jacoco.xml, as "covered/total" by type. */
  static Map<String, String> counters(Path xml) throws Exception {
    String text = Files.readString(xml);
    Map<String, String> counters = new TreeMap<>();
    Matcher matcher = REPORT_COUNTER.matcher(text);
    while (matcher.find()) {
      int missed = Integer.parseInt(matcher.group(2));
      int covered = Integer.parseInt(matcher.group(3));
      counters.put(matcher.group(1), covered + "/" + (missed + covered));
    }
    assertThat(counters).as("report counters in " + xml).isNotEmpty();
    return counters;
  }

  private String chromium(Path page) throws Exception {
    BrowserIT.chromium();
    Path browser = Executables.browser(Optional.empty()).orElseThrow();
    Path output = Files.createTempFile(dir, "chromium", ".out");
    Process process = new ProcessBuilder(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--user-data-dir=" + dir.resolve("chromium-profile"), "--dump-dom", page.toUri().toString()))
        .redirectOutput(output.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("Chromium did not render " + page + " within 60 s");
    }
    return Files.readString(output);
  }
}
