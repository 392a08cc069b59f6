package dev.lanes.spi.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * An error as it crosses the channel: the exception's class name, message, trimmed stack,
 * expected/actual values of an assertion, and its cause.
 */
public record TestError(String name, String message, Optional<String> stack, Optional<String> expected,
                        Optional<String> actual, Optional<TestError> cause) {
  public TestError {
    Objects.requireNonNull(name, "name");
    message = message == null ? "" : message;
    stack = Optional.ofNullable(stack).flatMap(s -> s);
    expected = Optional.ofNullable(expected).flatMap(e -> e);
    actual = Optional.ofNullable(actual).flatMap(a -> a);
    cause = Optional.ofNullable(cause).flatMap(c -> c);
  }

  /** An error of the machinery (no stack), e.g. "Worker exited unexpectedly". */
  public static TestError of(String name, String message) {
    return new TestError(name, message, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /** The same error with a cause attached. */
  public TestError withCause(TestError newCause) {
    return new TestError(name, message, stack, expected, actual, Optional.of(newCause));
  }

  /** "name: message", the first line a person reads. */
  public String headline() {
    return message.isEmpty() ? name : name + ": " + message;
  }
}
