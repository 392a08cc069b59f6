package dev.lanes.spi.protocol;

import java.util.Objects;
import java.util.Optional;

/** Output a test printed, attributed to the task that was running on the printing thread. */
public record UserConsoleLog(String content, ConsoleStream type, Optional<String> taskId, long time) {
  public UserConsoleLog {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(type, "type");
    taskId = Optional.ofNullable(taskId).flatMap(t -> t);
  }

  /** Which stream the output went to. */
  public enum ConsoleStream { STDOUT, STDERR }
}
