package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets exit code 2 and errors that say what, where, and what would be valid. */
class ConfigErrorsIT {
  @TempDir
  Path dir;

  @Test
  void aMistypedPoolNameListsTheKnownPoolsAndWhereItCameFrom() throws Exception {
    LanesCli.Result result = LanesCli.run(LanesCli.REPO, "run", "--root", "examples/sample-project", "--pool", "thread");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
    assertThat(result.err()).contains("command-line option --pool: pool 'thread' is not known (did you mean 'threads'?);"
        + " known pools: browser, forks, threads, typecheck, vmForks, vmThreads");
    assertThat(result.out()).doesNotContain("Test Files");
  }

  @Test
  void allProblemsOfOneFileAreReportedTogetherWithFileLineAndValidKeys() throws Exception {
    Files.writeString(dir.resolve("lanes.conf"), LanesCli.sampleClasspathConf() + """
        maxWorker = 2
        poolOptions.threads {
          stackSize = 1024
          threadStackSize = lots
        }
        pool = threads
        """);

    LanesCli.Result result = LanesCli.run(dir, "run");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
    assertThat(result.err())
        .contains("1) lanes.conf:3: unknown key 'maxWorker'; valid keys: ")
        .contains("lanes.conf:5: poolOptions.threads has no key 'stackSize'; valid keys: threadStackSize.")
        .contains("lanes.conf:6: poolOptions.threads.threadStackSize = \"lots\" is not a valid long.")
        .contains("3 errors");
  }

  @Test
  void aPoolJarThatIsNotAJarIsAClearError() throws Exception {
    Files.writeString(dir.resolve("broken.jar"), "not a zip");
    Path sample = LanesCli.example("sample-project");

    LanesCli.Result result = LanesCli.run(sample, "run", "--pool", dir.resolve("broken.jar").toString());

    assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
    assertThat(result.err()).contains("command-line option --pool: pool jar '" + dir.resolve("broken.jar")
        + "' is not a readable jar");
  }
}
