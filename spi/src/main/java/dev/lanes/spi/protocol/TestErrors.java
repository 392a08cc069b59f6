package dev.lanes.spi.protocol;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link TestError}s from a {@link Throwable} or from a stack trace printed as text (a child process's output, a
 * report file). {@link #trimmed} and {@link #parse} keep what the built-in pools keep: the user's frames — those of
 * the test framework, reflection and Lanes are dropped, as are assertion-library frames on top — and the expected
 * and actual values of an assertion (opentest4j's, JUnit 4's).
 */
public final class TestErrors {
  private static final int MAX_CAUSES = 8;
  private static final List<String> FRAMEWORK = List.of("org.junit.platform.", "org.junit.jupiter.engine.",
      "org.junit.vintage.", "jdk.internal.", "java.lang.reflect.", "sun.reflect.", "dev.lanes.runtime.",
      "java.util.concurrent.ForkJoin", "org.junit.runners.", "org.junit.internal.");
  private static final List<String> ASSERTIONS = List.of("org.junit.jupiter.api.Assert",
      "org.junit.jupiter.api.AssertionUtils", "org.junit.jupiter.api.Assertions", "org.junit.Assert", "org.assertj.",
      "org.opentest4j.", "org.hamcrest.", "junit.framework.", "java.util.Objects");

  private TestErrors() {
  }

  /** {@code error} with every frame and its causes: for errors of the machinery, whose every frame may matter. */
  public static TestError of(Throwable error) {
    return of(error, 0);
  }

  private static TestError of(Throwable error, int depth) {
    Optional<TestError> cause = error.getCause() != null && error.getCause() != error && depth < MAX_CAUSES
        ? Optional.of(of(error.getCause(), depth + 1))
        : Optional.empty();
    return new TestError(error.getClass().getName(), Objects.toString(error.getMessage(), ""),
        Optional.of(stackOf(error)), Optional.empty(), Optional.empty(), cause);
  }

  /** A test's {@code error} as the built-in pools report it: the user's frames, expected and actual, its causes. */
  public static TestError trimmed(Throwable error) {
    return trimmed(error, 0);
  }

  private static TestError trimmed(Throwable error, int depth) {
    Optional<TestError> cause = error.getCause() != null && error.getCause() != error && depth < MAX_CAUSES
        ? Optional.of(trimmed(error.getCause(), depth + 1))
        : Optional.empty();
    List<Frame> frames = new ArrayList<>();
    for (StackTraceElement frame : error.getStackTrace()) {
      frames.add(new Frame(frame.getClassName(), frame.getClassName() + "." + frame.getMethodName() + "("
          + (frame.getFileName() == null ? "Unknown Source" : frame.getFileName()
          + (frame.getLineNumber() >= 0 ? ":" + frame.getLineNumber() : "")) + ")"));
    }
    return new TestError(error.getClass().getName(), Objects.toString(error.getMessage(), ""),
        Optional.of(userFrames(frames)), value(error, "getExpected"), value(error, "getActual"), cause);
  }

  /**
   * An error from a stack trace as {@link Throwable#printStackTrace()} prints it ({@code name: message}, lines
   * {@code at ...}, {@code Caused by: ...}), with the frames {@link #trimmed} keeps; empty if {@code text} holds no
   * exception's first line.
   */
  public static Optional<TestError> parse(String text) {
    List<String> lines = text.strip().lines().toList();
    List<List<String>> blocks = new ArrayList<>();
    for (String line : lines) {
      if (blocks.isEmpty() || line.startsWith("Caused by: ")) {
        blocks.add(new ArrayList<>());
        line = line.startsWith("Caused by: ") ? line.substring("Caused by: ".length()) : line;
      }
      blocks.get(blocks.size() - 1).add(line);
    }
    Optional<TestError> error = Optional.empty();
    for (int i = blocks.size() - 1; i >= 0 && i >= blocks.size() - 1 - MAX_CAUSES; i--) {
      error = Optional.of(parsed(blocks.get(i), error));
    }
    return error.filter(e -> !e.name().isBlank());
  }

  private static TestError parsed(List<String> block, Optional<TestError> cause) {
    StringBuilder header = new StringBuilder();
    List<Frame> frames = new ArrayList<>();
    boolean suppressed = false;
    for (String line : block) {
      String trimmed = line.strip();
      if (trimmed.startsWith("Suppressed: ")) {
        suppressed = true; // the suppressed exceptions' frames are not this error's
      } else if (trimmed.startsWith("at ") && !suppressed) {
        String frame = trimmed.substring(3);
        int paren = frame.indexOf('(');
        int module = frame.lastIndexOf('/', paren < 0 ? frame.length() : paren);
        if (module >= 0) {
          frame = frame.substring(module + 1); // "java.base/java.util.List.of(...)" prints as the JVM's own frames do
          paren = frame.indexOf('(');
        }
        String method = paren < 0 ? frame : frame.substring(0, paren);
        int dot = method.lastIndexOf('.');
        frames.add(new Frame(dot < 0 ? method : method.substring(0, dot), frame));
      } else if (frames.isEmpty() && !suppressed && !trimmed.startsWith("...")) {
        header.append(header.length() == 0 ? "" : "\n").append(line);
      }
    }
    String first = header.toString();
    int colon = first.indexOf(": ");
    boolean named = colon > 0 && !first.substring(0, colon).contains(" ");
    String name = named ? first.substring(0, colon) : first.contains(" ") || first.contains("\n") ? "Error" : first;
    String message = named ? first.substring(colon + 2) : name.equals("Error") ? first : "";
    return new TestError(name, message, Optional.of(userFrames(frames)), Optional.empty(), Optional.empty(), cause);
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

  private record Frame(String className, String text) {
  }

  /** The user's frames, one "at ..." per line; every frame if none is the user's. A recursion prints once. */
  private static String userFrames(List<Frame> frames) {
    List<Frame> kept = new ArrayList<>();
    for (Frame frame : frames) {
      if (startsWithAny(frame.className(), FRAMEWORK)) {
        if (!kept.isEmpty()) {
          break;
        }
        continue;
      }
      if (kept.isEmpty() && startsWithAny(frame.className(), ASSERTIONS)) {
        continue;
      }
      kept.add(frame);
    }
    if (kept.isEmpty()) {
      kept = frames;
    }
    StringBuilder stack = new StringBuilder();
    String previous = null;
    int repeated = 0;
    for (Frame frame : kept) {
      if (frame.text().equals(previous)) {
        repeated++;
        continue;
      }
      appendRepeats(stack, repeated);
      repeated = 0;
      previous = frame.text();
      stack.append("\tat ").append(frame.text()).append('\n');
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
      String isDefined = getter.equals("getExpected") ? "isExpectedDefined" : "isActualDefined";
      Method defined = findMethod(error.getClass(), isDefined);
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
