package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The forks pool as a user meets it: the sample suite, a bad JVM flag, Ctrl-C, and {@code kill -9} of lanes. */
class ForksIT {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"--isolate", "--no-isolate"})
  void theSampleSuiteGivesTheSameCountsAsUnderThreads(String isolation) throws Exception {
    LanesCli.Result result = LanesCli.run(LanesCli.example("sample-project"), "run", "--pool", "forks", isolation);

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out()).contains("Test Files  5 passed (5)").contains("Tests  22 passed (22)");
  }

  @Test
  void aJvmFlagTypoFailsFastWithTheJvmsOwnMessage() throws Exception {
    Path config = dir.resolve("lanes.conf");
    Files.writeString(config, Files.readString(LanesCli.example("sample-project").resolve("lanes.conf"))
        + "\npoolOptions.forks.execArgv = [\"-XX:+NoSuchFlagAnywhere\"]\n");
    long started = System.nanoTime();

    LanesCli.Result result = LanesCli.run(LanesCli.example("sample-project"), "run", "--pool", "forks",
        "--config", config.toString());

    assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
    assertThat(result.out()).contains("the worker JVM exited with code 1 before it connected")
        .contains("Unrecognized VM option 'NoSuchFlagAnywhere'").contains("Test Files  5 failed (5)");
    // "fast" means no start time-out was waited out (it is 60 s); the run itself takes a few seconds
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(45));
  }

  @Test
  void killingLanesWithSigkillTakesItsWorkersWithIt() throws Exception {
    Process lanes = startSlowRun();
    try {
      lanes.destroyForcibly();
      assertThat(lanes.waitFor(10, TimeUnit.SECONDS)).isTrue();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!workers().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(workers()).as("workers of the killed run, 5 s after the kill").isEmpty();
    } finally {
      lanes.destroyForcibly();
      workers().forEach(ProcessHandle::destroyForcibly);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void ctrlCEndsTheRunAsInterruptedWithExitCode130(int times) throws Exception {
    Process lanes = startSlowRun();
    try {
      for (int i = 0; i < times; i++) {
        new ProcessBuilder("kill", "-INT", Long.toString(lanes.pid())).start().waitFor();
        Thread.sleep(50);
      }
      assertThat(lanes.waitFor(1, TimeUnit.MINUTES)).as("lanes ended after Ctrl-C").isTrue();
      assertThat(lanes.exitValue()).isEqualTo(130);
      String printed = Files.readString(dir.resolve("out.txt"));
      assertThat(printed).contains("The run was interrupted.").contains("Test Files  2 skipped (2)");
      assertThat(Files.readString(dir.resolve("report.xml"))).contains("not run: the run was interrupted");
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!workers().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(workers()).as("no worker outlives the run").isEmpty();
      try (Stream<Path> left = Files.list(dir.resolve("tmp"))) {
        assertThat(left).as("nothing left in the temporary folder").isEmpty();
      }
    } finally {
      lanes.destroyForcibly();
      workers().forEach(ProcessHandle::destroyForcibly);
    }
  }

  /** Starts lanes on two forked test classes that sleep, and waits until the first one runs. */
  private Process startSlowRun() throws Exception {
    Path started = dir.resolve("started");
    Path classes = SlowTests.compile(dir, started);
    Files.writeString(dir.resolve("lanes.conf"), """
        pool = forks
        classpath = ["%s", "@%s"]
        testClassDirs = ["%s"]
        maxWorkers = 2
        testTimeout = 0
        reporters = [default, junit]
        outputFile = "report.xml"
        """.formatted(classes, LanesCli.example("sample-project").resolve("target/lanes-classpath.txt"), classes));
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    List<String> command = LanesCli.command(List.of("-Djava.io.tmpdir=" + tmp));
    command.add("run");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.txt").toFile());
    builder.environment().put("CI", "true");
    Process lanes = builder.start();
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (!Files.exists(started) && System.nanoTime() < deadline && lanes.isAlive()) {
      Thread.sleep(50);
    }
    assertThat(started).as("a slow test started").exists();
    assertThat(workers()).as("its workers run").isNotEmpty();
    return lanes;
  }

  /** Live worker JVMs of this test's run: their command line names this test's folder. */
  private List<ProcessHandle> workers() {
    return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().orElse("").contains("dev.lanes.runtime.fork.ForkMain"))
        .filter(p -> p.info().commandLine().orElse("").contains(dir.toString())).toList();
  }
}
