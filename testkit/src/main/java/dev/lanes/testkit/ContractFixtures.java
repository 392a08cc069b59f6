package dev.lanes.testkit;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The test classes {@link PoolWorkerContract} runs, compiled at test time against the caller's JUnit
 * Jupiter: one that passes, a second that passes (for reuse), one that sleeps and ignores interrupts,
 * and one that calls {@code System.exit(7)}.
 */
final class ContractFixtures {
  static final String PASSING = "lanes.contract.PassingTest";
  static final String PASSING_AGAIN = "lanes.contract.PassingAgainTest";
  static final String SLEEPING = "lanes.contract.SleepingTest";
  static final String EXITING = "lanes.contract.ExitingTest";

  private static final Map<String, String> SOURCES = Map.of(
      "PassingTest", """
          package lanes.contract;

          class PassingTest {
            @org.junit.jupiter.api.Test
            void passes() {
              System.out.println("passing");
            }
          }
          """,
      "PassingAgainTest", """
          package lanes.contract;

          class PassingAgainTest {
            @org.junit.jupiter.api.Test
            void passesAgain() {
            }
          }
          """,
      "SleepingTest", """
          package lanes.contract;

          class SleepingTest {
            @org.junit.jupiter.api.Test
            void sleepsAndIgnoresInterrupts() {
              long end = System.nanoTime() + 120_000_000_000L;
              while (System.nanoTime() < end) {
                try {
                  Thread.sleep(100);
                } catch (InterruptedException ignored) {
                  // a test that will not stop when asked
                }
              }
            }
          }
          """,
      "ExitingTest", """
          package lanes.contract;

          class ExitingTest {
            @org.junit.jupiter.api.Test
            void exits() {
              System.exit(7);
            }
          }
          """);

  private ContractFixtures() {
  }

  /** Compiles the fixtures into {@code folder}; returns the test class path: the folder and the JUnit jars. */
  static List<Path> compile(Path folder) {
    Map<String, String> sources = new java.util.HashMap<>();
    SOURCES.forEach((name, source) -> sources.put("lanes.contract." + name, source));
    return TestClasspath.compile(folder, sources);
  }
}
