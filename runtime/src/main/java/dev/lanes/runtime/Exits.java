package dev.lanes.runtime;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Where in-process pools send a test's {@code System.exit}, {@code Runtime.exit} and {@code Runtime.halt}:
 * their class loaders rewrite those calls to these methods, which throw instead of ending the JVM that
 * every other worker shares. The first call of a file is also kept, so the file fails even when the test
 * catches the error or calls from a thread of its own.
 */
public final class Exits {
  private static final AtomicReference<SystemExitError> CALLED = new AtomicReference<>();

  private Exits() {
  }

  /** Replaces {@code System.exit(status)}. */
  public static void systemExit(int status) {
    throw called("System.exit(" + status + ")");
  }

  /** Replaces {@code runtime.exit(status)}. */
  public static void runtimeExit(Runtime runtime, int status) {
    throw called("Runtime.exit(" + status + ")");
  }

  /** Replaces {@code runtime.halt(status)}. */
  public static void runtimeHalt(Runtime runtime, int status) {
    throw called("Runtime.halt(" + status + ")");
  }

  /** The first exit attempted since the last call, if any. */
  public static Optional<SystemExitError> take() {
    return Optional.ofNullable(CALLED.getAndSet(null));
  }

  private static SystemExitError called(String call) {
    String frame = StackWalker.getInstance().walk(frames -> frames.skip(2).findFirst())
        .map(f -> f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":" + f.getLineNumber() + ")")
        .orElse("an unknown frame");
    SystemExitError error = new SystemExitError(call + " called from " + frame
        + "; a test in an in-process pool may not end the JVM (use the forks pool to test exits)");
    CALLED.compareAndSet(null, error);
    return error;
  }

  /** Thrown in place of ending the JVM. An {@link Error}, so {@code catch (Exception e)} does not swallow it. */
  public static final class SystemExitError extends Error {
    private static final long serialVersionUID = 1L;

    SystemExitError(String message) {
      super(message);
    }
  }
}
