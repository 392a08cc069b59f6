package dev.lanes.core.internal.state;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * When a run stops handing out files, and why: after {@code bail} failed tests, or when it is interrupted. The pools
 * listen and stop queuing. Held by the run and called under its lock; listeners are told outside it.
 */
final class Cancellation {
  private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();
  private int bail;
  private String reason;

  /** After {@code failedTests} failed tests the run stops handing out files; 0 never. */
  void bail(int failedTests) {
    bail = failedTests;
  }

  void listen(Consumer<String> listener) {
    listeners.add(listener);
  }

  boolean cancelled() {
    return reason != null;
  }

  /** Why the run stopped handing out files ("not run: bail = 1, …"), {@code null} while it has not. */
  String reason() {
    return reason;
  }

  /** A new run (a watch rerun): files are handed out again. */
  void reset() {
    reason = null;
  }

  /** A test failed, the run's {@code failedTests}-th: at the bail, the run stops handing out files. */
  void testFailed(int failedTests) {
    if (bail > 0 && reason == null && failedTests >= bail) {
      cancel(TestRun.NOT_RUN_BAIL + " = " + bail + ", the run stopped after " + bail
          + (bail == 1 ? " failed test" : " failed tests"));
    }
  }

  /** Stops handing out files; the listeners (pools) hear of it on a thread of their own, outside the run's lock. */
  void cancel(String why) {
    reason = why;
    Thread notify = new Thread(() -> tell(why), "lanes-cancel");
    notify.setDaemon(true);
    notify.start();
  }

  /** Stops handing out files unless the run already did; returns the reason to {@linkplain #tell tell}, or null. */
  String cancelUnlessCancelled(String why) {
    if (reason != null) {
      return null;
    }
    reason = why;
    return why;
  }

  /** Tells the listeners now, on this thread (the JVM is ending: no thread of its own would run in time). */
  void tell(String why) {
    listeners.forEach(listener -> listener.accept(why));
  }
}
