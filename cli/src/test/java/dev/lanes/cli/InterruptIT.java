package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Stopping a run (Ctrl-C, a CI cancel: SIGINT or SIGTERM) still prints the summary and writes the reports. */
class InterruptIT {
  @TempDir
  Path dir;

  @Test
  void anInterruptedRunEndsWithItsSummaryAndItsReport() throws Exception {
    Path started = dir.resolve("started");
    Path classes = SlowTests.compile(dir, started);
    Files.writeString(dir.resolve("lanes.conf"), """
        classpath = ["%s", "@%s"]
        testClassDirs = ["%s"]
        maxWorkers = 1
        testTimeout = 0
        reporters = [default, junit]
        outputFile = "report.xml"
        """.formatted(classes, LanesCli.example("sample-project").resolve("target/lanes-classpath.txt"), classes));
    Path out = dir.resolve("out.txt");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", LanesCli.DISTRIBUTION + "/*", "dev.lanes.cli.Main", "run"));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(out.toFile());
    builder.environment().put("CI", "true");
    Process lanes = builder.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (!Files.exists(started) && System.nanoTime() < deadline && lanes.isAlive()) {
        Thread.sleep(50);
      }
      assertThat(started).as("the first slow test started").exists();

      lanes.destroy();

      assertThat(lanes.waitFor(1, TimeUnit.MINUTES)).as("lanes ended after the signal").isTrue();
    } finally {
      lanes.destroyForcibly();
    }
    String printed = Files.readString(out);
    assertThat(printed).contains("The run was interrupted.").contains("Test Files  2 skipped (2)")
        .doesNotContain("SlowBTest (0 tests)");
    assertThat(Files.readString(dir.resolve("report.xml"))).contains("<testsuite name=\"slow.SlowBTest\"")
        .contains("not run: the run was interrupted");
  }
}
