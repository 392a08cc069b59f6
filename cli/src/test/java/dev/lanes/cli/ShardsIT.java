package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shards balanced by a timings file, the plan {@code lanes shards} prints, and the shard a CI's own variables give
 * (a Kubernetes Indexed Job, Bazel's test sharding), as separate {@code lanes} commands.
 */
class ShardsIT {
  private static final Pattern FILE_LINE = Pattern.compile("^ (?:✓|❯|×|↓) ((?:orch|timed)\\.\\w+) ", Pattern.MULTILINE);
  /** A test's line in the verbose report: its duration. */
  private static final Pattern DURATION = Pattern.compile("^ {3}✓ waits\\(\\) (\\d+(?:\\.\\d+)?)(ms|s)$", Pattern.MULTILINE);

  @TempDir
  Path dir;

  /**
   * One class sleeping 10 s and twenty of 0.1 s, in two shards: with the timings of a recorded run the slow class runs
   * alone and the longer shard's tests take within 10% of the best possible (the larger of half the total and 10 s);
   * without, the shards are the slices of the sha1 of each class name, as before.
   */
  @Test
  void aTimingsFilePutsTheSlowClassAloneAndWithoutItTheShardsAreHashSlices() throws Exception {
    writeTimedSuite();
    StringBuilder timings = new StringBuilder("{\"version\":\"1\",\"results\":[[\":timed.SlowTest\",{\"duration\":10000}]");
    for (int i = 0; i < 20; i++) {
      timings.append(",[\":timed.Quick").append(i).append("Test\",{\"duration\":100}]");
    }
    Files.writeString(dir.resolve("timings.json"), timings.append("]}").toString());

    // the two shards at once, as on two machines; the plan and the hash slices beside them (the shards sleep)
    CompletableFuture<LanesCli.Result> first = CompletableFuture.supplyAsync(() -> run("run", "--shard", "1/2",
        "--shard-timings", "timings.json", "--reporter", "verbose"));
    CompletableFuture<LanesCli.Result> second = CompletableFuture.supplyAsync(() -> run("run", "--shard", "2/2",
        "--shard-timings", "timings.json", "--reporter", "verbose"));
    CompletableFuture<LanesCli.Result> planned = CompletableFuture.supplyAsync(() -> run("shards", "--timings",
        "timings.json", "--count", "2"));
    CompletableFuture<LanesCli.Result> firstSlice = CompletableFuture.supplyAsync(() -> run("list", "--shard", "1/2"));
    LanesCli.Result secondSlice = run("list", "--shard", "2/2");
    List<LanesCli.Result> shards = List.of(first.get(), second.get());

    for (LanesCli.Result shard : shards) {
      assertThat(shard.exitCode()).as(shard.all()).isZero();
    }
    List<String> slowShard = files(shards.stream().filter(s -> s.out().contains("timed.SlowTest")).findFirst()
        .orElseThrow().out());
    assertThat(slowShard).containsExactly("timed.SlowTest");
    assertThat(files(shards.get(0).out()).size() + files(shards.get(1).out()).size()).isEqualTo(21);
    long longest = shards.stream().mapToLong(s -> testMillis(s.out())).max().orElseThrow();
    assertThat(longest).as("the longer shard's tests' time").isBetween(10_000L, (long) (Math.max(12_000 / 2, 10_000) * 1.1));

    LanesCli.Result plan = planned.get();
    assertThat(plan.exitCode()).as(plan.all()).isZero();
    assertThat(plan.out()).contains("21 files in 2 shards, balanced by timings.json (21 recorded)")
        .containsPattern("Shard \\d/2\\s+10\\.00s\\s+1 file\\n\\s+10\\.00s\\s+timed\\.SlowTest")
        .containsPattern("Shard \\d/2\\s+2\\.00s\\s+20 files")
        .contains("Longest shard    10.00s; all in one    12.00s; the best 2 shards could do    10.00s.");

    List<String> hashed = new ArrayList<>(listed(firstSlice.get().out()));
    assertThat(hashed).as("11 and 10 files, by the sha1 of their names").hasSize(11);
    hashed.addAll(listed(secondSlice.out()));
    assertThat(hashed).doesNotHaveDuplicates().hasSize(21);
  }

  @Test
  void aKubernetesIndexedJobRunsTheShardItsIndexGives() throws Exception {
    OrchestrationSuite.write(dir, "");
    List<String> expected = listed(run("list", "--shard", "2/3").out());
    assertThat(expected).hasSizeBetween(2, 3);

    LanesCli.Result job = LanesCli.run(Duration.ofMinutes(3), dir, List.of(),
        Map.of("JOB_COMPLETION_INDEX", "1", "LANES_SHARD_TOTAL", "3"), "run");

    assertThat(job.out().lines().findFirst()).as(job.all())
        .hasValue("Shard 2/3 (Kubernetes Indexed Job: JOB_COMPLETION_INDEX=1, LANES_SHARD_TOTAL=3)");
    assertThat(files(job.out())).containsExactlyInAnyOrderElementsOf(expected);

    LanesCli.Result half = LanesCli.run(Duration.ofMinutes(3), dir, List.of(), Map.of("JOB_COMPLETION_INDEX", "3",
        "LANES_SHARD_TOTAL", "3"), "run");
    assertThat(half.exitCode()).isEqualTo(2);
    assertThat(half.err()).contains("JOB_COMPLETION_INDEX=3 and LANES_SHARD_TOTAL=3 give no shard: the index counts"
        + " from 0 to LANES_SHARD_TOTAL - 1.");
  }

  @Test
  void bazelsShardingTouchesTheStatusFileAndWritesItsXml() throws Exception {
    OrchestrationSuite.write(dir, "");
    List<String> expected = listed(run("list", "--shard", "1/2").out());
    assertThat(expected).hasSize(4);
    Path status = dir.resolve("bazel/status");
    Path xml = dir.resolve("bazel/test.xml");

    LanesCli.Result bazel = LanesCli.run(Duration.ofMinutes(3), dir, List.of(), Map.of("TEST_SHARD_INDEX", "0",
        "TEST_TOTAL_SHARDS", "2", "TEST_SHARD_STATUS_FILE", status.toString(), "XML_OUTPUT_FILE", xml.toString()),
        "run");

    assertThat(bazel.out().lines().findFirst()).as(bazel.all())
        .hasValue("Shard 1/2 (Bazel: TEST_SHARD_INDEX=0, TEST_TOTAL_SHARDS=2)");
    assertThat(files(bazel.out())).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(status).exists();
    String report = Files.readString(xml);
    assertThat(report).startsWith("<?xml");
    for (String file : expected) {
      assertThat(report).contains("name=\"" + file + "\"");
    }

    LanesCli.Result filtered = LanesCli.run(Duration.ofMinutes(3), dir, List.of(),
        Map.of("TESTBRIDGE_TEST_ONLY", "BrokenTest"), "run");
    assertThat(files(filtered.out())).as(filtered.all()).containsExactly("orch.BrokenTest");
  }

  private LanesCli.Result run(String... args) {
    try {
      return LanesCli.run(dir, args);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void writeTimedSuite() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/test/java/timed"));
    List<String> sources = new ArrayList<>();
    sources.add(source(src, "SlowTest", "@org.junit.jupiter.api.Test void waits() throws Exception {"
        + " Thread.sleep(10_000); }"));
    for (int i = 0; i < 20; i++) {
      sources.add(source(src, "Quick" + i + "Test", "@org.junit.jupiter.api.Test void waits() throws Exception {"
          + " Thread.sleep(100); }"));
    }
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path sampleClasspath = LanesCli.example("sample-project").resolve("target/lanes-classpath.txt");
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
        String.join(File.pathSeparator, Files.readString(sampleClasspath).trim())));
    args.addAll(sources);
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();
    Files.writeString(dir.resolve("lanes.conf"), """
        classpath = ["classes", "@%s"]
        testClassDirs = ["classes"]
        maxWorkers = 1
        """.formatted(sampleClasspath.toString().replace("\\", "\\\\")));
  }

  private static String source(Path src, String name, String body) throws Exception {
    Path file = src.resolve(name + ".java");
    Files.writeString(file, "package timed;\n\nclass " + name + " {\n  " + body + "\n}\n");
    return file.toString();
  }

  /** The files a run reported, in the order it reported them. */
  private static List<String> files(String out) {
    List<String> files = new ArrayList<>();
    Matcher matcher = FILE_LINE.matcher(out);
    while (matcher.find()) {
      files.add(matcher.group(1));
    }
    return files;
  }

  /** The test classes {@code lanes list} printed. */
  private static List<String> listed(String out) {
    return out.lines().map(line -> line.split(" > ")[0].strip()).filter(name -> name.matches("(orch|timed)\\.\\w+"))
        .distinct().toList();
  }

  /** The sum of the tests' durations a verbose run reported: the time the shard's tests took, without starting JVMs. */
  private static long testMillis(String out) {
    long total = 0;
    Matcher matcher = DURATION.matcher(out);
    while (matcher.find()) {
      double value = Double.parseDouble(matcher.group(1));
      total += Math.round(matcher.group(2).equals("s") ? value * 1000 : value);
    }
    return total;
  }
}
