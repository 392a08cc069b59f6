package dev.lanes.spi.protocol;

import java.util.Objects;

/** The new result of one task. */
public record TaskResultPack(String taskId, TaskResult result) {
  public TaskResultPack {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(result, "result");
  }
}
