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

  @Test
  void malformedGlobsNegativeTimeOutsAndUnknownNamesAreNumberedErrorsNotStackTraces() throws Exception {
    Files.writeString(dir.resolve("lanes.conf"), LanesCli.sampleClasspathConf() + """
        "include" = ["**/[*Test.class"]
        poolMatchGlobs = [["**/{a,b", forks]]
        testTimeout = -5s
        teardownTimeout = -1s
        reporters = [default, junit]
        outputFile { junit = "a.xml", jsn = "b.json" }
        poolOptions.fork.execArgv = ["-Xss2m"]
        """);

    LanesCli.Result result = LanesCli.run(dir, "run");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
    assertThat(result.err())
        .contains("lanes.conf:3: Invalid value at 'include': '**/[*Test.class' is not a valid glob: Missing ']")
        .contains("lanes.conf:4: Invalid value at 'poolMatchGlobs': '**/{a,b' is not a valid glob: Missing '}")
        .contains("lanes.conf:5: Invalid value at 'testTimeout': must be 0 or more (0 turns it off), was -5s.")
        .contains("lanes.conf:6: Invalid value at 'teardownTimeout': must be 0 or more (0 turns it off), was -1s.")
        .contains("lanes.conf:8: outputFile has no key 'jsn' (did you mean 'json'?); valid keys: blob, html, json,"
            + " junit, open-test-reporting, surefire")
        .contains("lanes.conf:9: poolOptions.fork: no pool is named 'fork' (did you mean 'forks'?); known pools:")
        .contains("6 errors")
        .doesNotContain("Exception");
    assertThat(result.out()).doesNotContain("Test Files");
  }

  @Test
  void optionsOfAPoolNoFileIsInAndClassPathEntriesThatDoNotExistAreWarnings() throws Exception {
    Files.writeString(dir.resolve("lanes.conf"), LanesCli.sampleClasspathConf() + """
        pool = threads
        poolOptions.forks.maxHeap = "256m"
        """);

    Path sample = LanesCli.example("sample-project");
    LanesCli.Result result = LanesCli.run(dir, "run", "--classpath", String.join(java.io.File.pathSeparator,
        dir.resolve("no-such.jar").toString(), sample.resolve("target/test-classes").toString(),
        sample.resolve("target/classes").toString(), "@" + sample.resolve("target/lanes-classpath.txt")));

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out())
        .contains("WARN lanes.conf:4: poolOptions.forks is set, but no test file of this run is in the forks pool:"
            + " they are ignored.")
        .contains("WARN command-line option --classpath: the class path entry " + dir.resolve("no-such.jar")
            + " does not exist; it adds nothing to the class path.")
        .contains("Test Files  5 passed (5)");
  }

  @Test
  void aRootThatDoesNotExistIsSaidSo() throws Exception {
    LanesCli.Result result = LanesCli.run(dir, "run", "--root", "missing-folder");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
    assertThat(result.err()).contains("the project root '" + dir.resolve("missing-folder")
        + "' does not exist; pass an existing folder to --root");
  }
}
