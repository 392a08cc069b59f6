package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Third-party pools loaded by path, as a user runs them: their own files, their own child processes. */
class ExamplePoolsIT {
  private static final Path CONSOLE_LAUNCHER = LanesCli.REPO.resolve(
      "examples/console-launcher-pool/target/console-launcher-pool-0.1.0-SNAPSHOT.jar");
  private static final Path TAP = LanesCli.REPO.resolve("examples/tap-pool/target/tap-pool-0.1.0-SNAPSHOT.jar");

  @TempDir
  Path dir;

  @Test
  void aPoolsOwnChildJvmsEndWithLanesWhenItIsKilledBySigkill() throws Exception {
    Path started = dir.resolve("started");
    Path classes = SlowTests.compile(dir, started);
    Files.writeString(dir.resolve("lanes.conf"), """
        pool = "%s"
        classpath = ["%s", "@%s"]
        testClassDirs = ["%s"]
        maxWorkers = 2
        testTimeout = 0
        """.formatted(CONSOLE_LAUNCHER, classes,
        LanesCli.example("sample-project").resolve("target/lanes-classpath.txt"), classes));
    ProcessBuilder builder = new ProcessBuilder(LanesCli.command(List.of())).directory(dir.toFile())
        .redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
    builder.command().add("run");
    builder.environment().put("CI", "true");
    Process lanes = builder.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (!Files.exists(started) && System.nanoTime() < deadline && lanes.isAlive()) {
        Thread.sleep(50);
      }
      assertThat(started).as("a slow test started in the pool's JVM; " + Files.readString(dir.resolve("out.txt")))
          .exists();
      assertThat(launcherJvms()).as("the pool's JVMs").isNotEmpty();

      lanes.destroyForcibly();

      assertThat(lanes.waitFor(10, TimeUnit.SECONDS)).isTrue();
      deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (!launcherJvms().isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertThat(launcherJvms()).as("the pool's JVMs, 5 s after lanes was killed").isEmpty();
    } finally {
      lanes.destroyForcibly();
      launcherJvms().forEach(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void aPoolOfItsOwnFileKindListsAndRunsItsFiles() throws Exception {
    Path sample = LanesCli.REPO.resolve("examples/tap-pool/sample");

    LanesCli.Result listed = LanesCli.run(sample, "list", "--pool", TAP.toString());
    LanesCli.Result run = LanesCli.run(sample, "run", "--pool", TAP.toString());

    assertThat(listed.exitCode()).as(listed.all()).isZero();
    assertThat(listed.out()).contains("scripts/math.t > adds").contains("scripts/strings.t > upper-cases");
    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).contains("Test Files  2 failed | 1 passed | 1 skipped (4)")
        .contains("scripts/crash.t exited with code 137 (signal 9)");
  }

  /** The Console Launcher JVMs of this test's run: their class path names this test's folder. */
  private List<ProcessHandle> launcherJvms() {
    return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().orElse("").contains("org.junit.platform.console.ConsoleLauncher"))
        .filter(p -> p.info().commandLine().orElse("").contains(dir.toString())).toList();
  }
}
