package dev.lanes.spi.protocol;

import java.util.Objects;

/** One lifecycle event of one task; the host turns these into reporter events, in order. */
public record TaskEventPack(String taskId, TaskEvent event) {
  public TaskEventPack {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(event, "event");
  }
}
