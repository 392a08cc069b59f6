package dev.lanes.spi.protocol;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;

/** Converts a {@link Throwable} into a {@link TestError}, with its stack and causes. */
public final class TestErrors {
  private static final int MAX_CAUSES = 8;

  private TestErrors() {
  }

  public static TestError of(Throwable error) {
    return of(error, 0);
  }

  private static TestError of(Throwable error, int depth) {
    Optional<TestError> cause = error.getCause() != null && error.getCause() != error && depth < MAX_CAUSES
        ? Optional.of(of(error.getCause(), depth + 1))
        : Optional.empty();
    return new TestError(error.getClass().getName(), java.util.Objects.toString(error.getMessage(), ""),
        Optional.of(stackOf(error)), Optional.empty(), Optional.empty(), cause);
  }

  /** The frames of {@code error} without its causes, one "at ..." per line. */
  public static String stackOf(Throwable error) {
    StringWriter out = new StringWriter();
    try (PrintWriter writer = new PrintWriter(out)) {
      for (StackTraceElement frame : error.getStackTrace()) {
        writer.println("\tat " + frame);
      }
    }
    return out.toString();
  }
}
