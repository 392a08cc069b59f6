package dev.lanes.runtime;

import dev.lanes.spi.protocol.TestError;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a test's throwable into a {@link TestError}: class name, message, expected/actual of
 * assertion libraries (opentest4j, JUnit 4), and a stack trimmed to the user's code — the frames
 * of the test framework, reflection and Lanes itself are dropped, as are assertion-library frames on top.
 */
public final class ErrorMapper {
  private static final int MAX_CAUSES = 8;
  private static final List<String> FRAMEWORK = List.of("org.junit.platform.", "org.junit.jupiter.engine.",
      "org.junit.vintage.", "jdk.internal.", "java.lang.reflect.", "sun.reflect.", "dev.lanes.runtime.",
      "java.util.concurrent.ForkJoin", "org.junit.runners.", "org.junit.internal.");
  private static final List<String> ASSERTIONS = List.of("org.junit.jupiter.api.Assert", "org.junit.jupiter.api.AssertionUtils",
      "org.junit.jupiter.api.Assertions", "org.junit.Assert", "org.assertj.", "org.opentest4j.", "org.hamcrest.",
      "junit.framework.", "java.util.Objects");

  private ErrorMapper() {
  }

  public static TestError map(Throwable error) {
    return map(error, 0);
  }

  private static TestError map(Throwable error, int depth) {
    Optional<TestError> cause = error.getCause() != null && error.getCause() != error && depth < MAX_CAUSES
        ? Optional.of(map(error.getCause(), depth + 1))
        : Optional.empty();
    return new TestError(error.getClass().getName(), Objects.toString(error.getMessage(), ""),
        Optional.of(trimmedStack(error)), value(error, "getExpected"), value(error, "getActual"), cause);
  }

  /** The user's frames of {@code error}, one "at ..." per line; the full stack if no frame is the user's. */
  static String trimmedStack(Throwable error) {
    StackTraceElement[] frames = error.getStackTrace();
    List<StackTraceElement> kept = new ArrayList<>();
    for (StackTraceElement frame : frames) {
      if (startsWithAny(frame.getClassName(), FRAMEWORK)) {
        if (!kept.isEmpty()) {
          break;
        }
        continue;
      }
      if (kept.isEmpty() && startsWithAny(frame.getClassName(), ASSERTIONS)) {
        continue;
      }
      kept.add(frame);
    }
    if (kept.isEmpty()) {
      kept = List.of(frames);
    }
    StringBuilder stack = new StringBuilder();
    StackTraceElement previous = null;
    int repeated = 0;
    for (StackTraceElement frame : kept) {
      if (frame.equals(previous)) {
        repeated++; // a recursion (a stack overflow, say) prints once, with a count
        continue;
      }
      appendRepeats(stack, repeated);
      repeated = 0;
      previous = frame;
      stack.append("\tat ").append(frame.getClassName()).append('.').append(frame.getMethodName()).append('(')
          .append(frame.getFileName() == null ? "Unknown Source" : frame.getFileName()
              + (frame.getLineNumber() >= 0 ? ":" + frame.getLineNumber() : ""))
          .append(")\n");
    }
    appendRepeats(stack, repeated);
    return stack.toString();
  }

  private static void appendRepeats(StringBuilder stack, int repeated) {
    if (repeated > 0) {
      stack.append("\t... the frame above ").append(repeated).append(repeated == 1 ? " more time\n" : " more times\n");
    }
  }

  private static boolean startsWithAny(String className, List<String> prefixes) {
    for (String prefix : prefixes) {
      if (className.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** {@code getExpected()}/{@code getActual()} of opentest4j's AssertionFailedError or JUnit 4's ComparisonFailure. */
  private static Optional<String> value(Throwable error, String getter) {
    try {
      Method defined = findMethod(error.getClass(), getter.equals("getExpected") ? "isExpectedDefined" : "isActualDefined");
      if (defined != null && !(Boolean) defined.invoke(error)) {
        return Optional.empty();
      }
      Method method = findMethod(error.getClass(), getter);
      if (method == null) {
        return Optional.empty();
      }
      Object value = method.invoke(error);
      if (value == null || value instanceof String) {
        return Optional.ofNullable((String) value);
      }
      Method representation = findMethod(value.getClass(), "getStringRepresentation");
      return Optional.of(String.valueOf(representation != null ? representation.invoke(value) : value));
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Method findMethod(Class<?> type, String name) {
    try {
      Method method = type.getMethod(name);
      method.setAccessible(true);
      return method;
    } catch (NoSuchMethodException | RuntimeException e) {
      return null;
    }
  }
}
