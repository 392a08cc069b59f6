package dev.lanes.spi.protocol;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * The methods a worker calls on the host: what Vitest's {@code createMethodsRPC} returns, less the
 * module-loading half that the class path makes unnecessary. Methods returning {@code void} are
 * one-way events; the others are calls with a reply.
 *
 * <p>Order a worker must keep for each file: {@code onQueued} first, then {@code onCollected},
 * then task updates ({@code SUITE_PREPARE} of the file before any of its tests, every
 * {@code TEST_PREPARE} before its {@code TEST_FINISHED}, {@code SUITE_FINISHED} of the file last),
 * then the {@code testfileFinished} response.
 */
public interface RuntimeRpc {

  /** The file was picked up by a worker. */
  void onQueued(Task file);

  /** The files' task trees are known (tests may still be added by {@link #onTaskRegistered}). */
  void onCollected(List<Task> files);

  /** A test or suite was registered while running (parameterized invocations, dynamic tests). */
  void onTaskRegistered(String parentId, Task task);

  /** Results and lifecycle events, in the order they happened. */
  void onTaskUpdate(List<TaskResultPack> packs, List<TaskEventPack> events);

  /** Output a test printed. */
  void onUserConsoleLog(UserConsoleLog log);

  /** An error that belongs to no test, e.g. a leaked thread's exception; {@code type} names its kind. */
  void onUnhandledError(TestError error, String type);

  /** The worker asks the host to cancel the run (bail). */
  void onCancel(String reason);

  /** How many tests failed so far in the whole run (for bail). */
  CompletionStage<Integer> getCountOfFailedTests();
}
