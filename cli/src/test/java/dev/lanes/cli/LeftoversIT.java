package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a test leaves in an in-process pool's JVM never keeps Lanes from ending: a shutdown hook that never returns
 * and a non-daemon thread that never ends are given {@code teardownTimeout} after the summary, then named in a warning
 * and ended with the JVM, the run's exit code kept.
 */
class LeftoversIT {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"threads", "vmThreads"})
  void aShutdownHookThatNeverReturnsIsEndedAfterTeardownTimeout(String pool) throws Exception {
    TestProjects.write(dir, "teardownTimeout = 2s", Map.of("hooks.HookTest", """
        package hooks;
        class HookTest {
          @org.junit.jupiter.api.Test void registersAHookThatNeverReturns() {
            Runtime.getRuntime().addShutdownHook(new Thread(HookTest::forever, "stubborn-hook"));
          }
          static void forever() {
            while (true) {
              try {
                Thread.sleep(1000);
              } catch (InterruptedException e) {
                // keep going
              }
            }
          }
        }
        """));

    LanesCli.Result result = LanesCli.run(Duration.ofSeconds(60), dir, List.of(), "run", "--pool", pool);

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out()).contains("Tests  1 passed (1)");
    assertThat(result.err()).contains("Lanes did not end within teardownTimeout (2s) of the run's end",
        "\"stubborn-hook\"", "hooks.HookTest.forever(HookTest.java:");
  }

  @ParameterizedTest
  @ValueSource(strings = {"threads", "vmThreads"})
  void aNonDaemonThreadThatNeverEndsDoesNotKeepLanesRunning(String pool) throws Exception {
    TestProjects.write(dir, "teardownTimeout = 2s", Map.of("threads.LeftThreadTest", """
        package threads;
        class LeftThreadTest {
          @org.junit.jupiter.api.Test void leavesAThread() {
            new Thread(() -> {
              while (true) {
                try {
                  Thread.sleep(1000);
                } catch (InterruptedException e) {
                  // keep going
                }
              }
            }, "left-behind").start();
          }
          @org.junit.jupiter.api.Test void fails() {
            org.junit.jupiter.api.Assertions.fail("the exit code is kept");
          }
        }
        """));

    LanesCli.Result result = LanesCli.run(Duration.ofSeconds(60), dir, List.of(), "run", "--pool", pool);

    assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
    assertThat(result.out()).contains("Tests  1 failed | 1 passed (2)");
  }

  /** A test that interrupts every thread of the JVM interrupts Lanes' own too: the files after it must not fail. */
  @ParameterizedTest
  @ValueSource(strings = {"threads", "vmThreads"})
  void aTestThatInterruptsEveryThreadFailsNoOtherFile(String pool) throws Exception {
    Map<String, String> sources = new java.util.LinkedHashMap<>();
    sources.put("interrupts.AInterruptsEveryThreadTest", """
        package interrupts;
        class AInterruptsEveryThreadTest {
          @org.junit.jupiter.api.Test void interruptsEveryThread() throws Exception {
            for (int i = 0; i < 50; i++) { // a second, while the other files start and run
              Thread.getAllStackTraces().keySet().stream().filter(t -> t != Thread.currentThread())
                  .forEach(Thread::interrupt);
              Thread.sleep(20);
            }
          }
        }
        """);
    for (String name : List.of("B", "C", "D", "E")) {
      sources.put("interrupts." + name + "InnocentTest", """
          package interrupts;
          class %sInnocentTest {
            @org.junit.jupiter.api.Test void passes() {
              long end = System.nanoTime() + 300_000_000L; // busy, not sleeping: an interrupt cannot fail it
              while (System.nanoTime() < end) {
                Thread.onSpinWait();
              }
            }
          }
          """.formatted(name));
    }
    TestProjects.write(dir, "maxWorkers = 2", sources);

    LanesCli.Result result = LanesCli.run(Duration.ofSeconds(90), dir, List.of(), "run", "--pool", pool);

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out()).contains("Test Files  5 passed (5)");
  }
}
