package dev.lanes.runtime.junit;

import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherExecutionRequestBuilder;

/**
 * An execution the host can stop between tests, through the launcher's {@code CancellationToken} (JUnit Platform 6):
 * the running test finishes, and the engine reports the tests it did not start as skipped. Loaded only where the
 * user's platform has the token ({@link #supported}); on 1.x the bridge runs as before.
 */
final class Cancellable {
  private Cancellable() {
  }

  /** Whether the user's JUnit Platform can cancel an execution (6.0 and later). */
  static boolean supported(ClassLoader loader) {
    try {
      Class.forName("org.junit.platform.engine.CancellationToken", false, loader);
      Class.forName("org.junit.platform.launcher.core.LauncherExecutionRequestBuilder", false, loader);
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Runs {@code plan}; while it runs, {@code cancel} holds what cancels it. */
  static void execute(Launcher launcher, TestPlan plan, TestExecutionListener listener,
                      AtomicReference<Runnable> cancel) {
    CancellationToken token = CancellationToken.create();
    cancel.set(token::cancel);
    try {
      launcher.execute(LauncherExecutionRequestBuilder.executionRequest(plan).listeners(listener)
          .cancellationToken(token).build());
    } finally {
      cancel.set(null);
    }
  }
}
