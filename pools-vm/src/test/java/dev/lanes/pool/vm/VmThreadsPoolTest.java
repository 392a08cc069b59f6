package dev.lanes.pool.vm;

import static dev.lanes.testkit.FileConditions.failed;
import static dev.lanes.testkit.FileConditions.passed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.testkit.PoolRun;
import dev.lanes.testkit.PoolTestKit;
import dev.lanes.testkit.TestClasspath;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VmThreadsPoolTest {
  private static final int FILES = 50;

  @TempDir
  Path root;

  /** A counter in the project's classes, and {@value #FILES} test classes that each expect to be its first user. */
  private List<Path> counterFixtures(Path folder) {
    Map<String, String> sources = new HashMap<>();
    sources.put("vm.Counter", "package vm; public final class Counter { public static int value; }");
    for (int i = 0; i < FILES; i++) {
      sources.put("vm.Static" + i + "Test", """
          package vm;
          class Static%dTest {
            @org.junit.jupiter.api.Test
            void isTheFirstToCount() {
              org.junit.jupiter.api.Assertions.assertEquals(1, ++Counter.value, "statics are fresh in every file");
            }
          }
          """.formatted(i));
    }
    return TestClasspath.compile(folder, sources);
  }

  private PoolRun run(String pool, Path folder, List<Path> classpath, boolean isolate) {
    return PoolTestKit.pool(pool).classpath(classpath).testClassDirs(folder).option("maxWorkers", 1)
        .option("isolate", isolate).run();
  }

  @Test
  void theProjectsStaticsAreFreshInEveryFileOfAReusedWorker() {
    Path folder = root.resolve("classes");
    PoolRun run = run("vmThreads", folder, counterFixtures(folder), false);

    assertThat(run.files()).hasSize(FILES).allMatch(passed()::matches);
    assertThat(run.orderViolations()).isEmpty();
  }

  @Test
  void theThreadsPoolWithoutIsolationSharesThemSoTheSameClassesFailFromTheSecondFileOn() {
    Path folder = root.resolve("classes");
    PoolRun run = run("threads", folder, counterFixtures(folder), false);

    assertThat(run.files()).haveExactly(1, passed()).haveExactly(FILES - 1, failed());
  }

  @Test
  void anExitFailsItsFileAndTheRunGoesOn() {
    Path folder = root.resolve("classes");
    List<Path> classpath = TestClasspath.compile(folder, Map.of(
        "vm.ExitsTest", "package vm; class ExitsTest { @org.junit.jupiter.api.Test void exits() { System.exit(3); } }",
        "vm.PassesTest", "package vm; class PassesTest { @org.junit.jupiter.api.Test void passes() { } }"));

    PoolRun run = run("vmThreads", folder, classpath, true);

    assertThat(run.file("vm.ExitsTest")).is(failed());
    assertThat(run.file("vm.ExitsTest").tests()).singleElement()
        .satisfies(test -> assertThat(test.result().orElseThrow().errors()).singleElement().satisfies(error ->
            assertThat(error.message()).startsWith("System.exit(3) called from vm.ExitsTest.exits(ExitsTest.java:1)")));
    assertThat(run.file("vm.PassesTest")).is(passed());
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void aThreadATestLeavesRunningIsReportedOnItsFileAndStopped() {
    Path folder = root.resolve("classes");
    List<Path> classpath = TestClasspath.compile(folder, Map.of("vm.LeaksATest", """
        package vm;
        class LeaksATest {
          @org.junit.jupiter.api.Test
          void startsAThreadItNeverStops() {
            Thread thread = new Thread(() -> {
              try {
                Thread.sleep(600_000);
              } catch (InterruptedException e) {
                // stopped
              }
            }, "left-behind");
            thread.start();
          }
        }
        """));

    PoolRun run = run("vmThreads", folder, classpath, false);

    assertThat(run.file("vm.LeaksATest")).is(passed());
    assertThat(run.console()).contains("[lanes] warning: vm.LeaksATest left 1 thread(s) running, now stopped: left-behind");
    assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.getName().equals("left-behind"));
  }

  @Test
  void aTestInThePackageOfALibraryJarReachesItsPackagePrivateMembers() {
    Path folder = root.resolve("classes");
    List<Path> classpath = TestClasspath.packageSplitAcrossAJar(folder);

    PoolRun run = PoolTestKit.pool("vmThreads").classpath(classpath).testClassDirs(folder)
        .include("**/LibraryTest.class").run();

    assertThat(run.files()).singleElement().is(passed());
  }

  @Test
  void testsRunOnAThreadThatIsNoDaemonAsUnderSurefireSoTheThreadsTheyStartAreNoneEither() {
    Path folder = root.resolve("classes");
    List<Path> classpath = TestClasspath.compile(folder, Map.of("vm.DaemonTest", """
        package vm;
        class DaemonTest {
          @org.junit.jupiter.api.Test
          void isNoDaemon() throws InterruptedException {
            org.junit.jupiter.api.Assertions.assertFalse(Thread.currentThread().isDaemon(), "the test's thread");
            Thread started = new Thread(() -> { });
            org.junit.jupiter.api.Assertions.assertFalse(started.isDaemon(), "a thread the test starts");
          }
        }
        """));

    for (String pool : List.of("threads", "vmThreads")) {
      assertThat(run(pool, folder, classpath, true).files()).as(pool).singleElement().is(passed());
    }
  }
}
