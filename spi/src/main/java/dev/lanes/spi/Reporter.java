package dev.lanes.spi;

import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.UserConsoleLog;
import java.util.List;
import java.util.Optional;

/**
 * Receives a run's events, in Vitest's order. Core calls a reporter from one thread at a time.
 *
 * <p>Order rules a reporter may rely on: {@code onTestRunStart} first and {@code onTestRunEnd}
 * last, once each; per module, {@code onTestModuleQueued} before {@code onTestModuleCollected}
 * before {@code onTestModuleStart}, which comes before any of its cases; every
 * {@code onTestCaseResult} has an earlier {@code onTestCaseReady} of the same case;
 * {@code onTestModuleEnd} exactly once per module, after all its cases. A module that never ran
 * (its worker crashed, the run was cancelled) still gets {@code onTestModuleEnd} with the reason.
 */
public interface Reporter {

  default void onTestRunStart(List<TestSpecification> specifications) {
  }

  default void onTestModuleQueued(TestModule module) {
  }

  default void onTestModuleCollected(TestModule module) {
  }

  default void onTestModuleStart(TestModule module) {
  }

  default void onTestCaseReady(TestCase testCase) {
  }

  default void onTestCaseResult(TestCase testCase) {
  }

  default void onTestModuleEnd(TestModule module) {
  }

  /** Output a test (or its file, when {@code testCase} is empty) printed. */
  default void onUserConsoleLog(UserConsoleLog log, Optional<TestCase> testCase) {
  }

  /** Collect-only runs end here instead of with results. */
  default void onTestsCollected(List<TestModule> modules) {
  }

  default void onTestRunEnd(List<TestModule> modules, List<TestError> unhandledErrors, RunEndReason reason) {
  }

  /** Why a run ended. */
  enum RunEndReason { PASSED, FAILED, INTERRUPTED }
}
