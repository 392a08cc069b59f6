package dev.lanes.spi;

import java.util.Objects;

/** What a new worker is for: its pool, project, isolation, and its slot id (1..maxWorkers, Vitest's pool id). */
public record WorkerOptions(String pool, TestProject project, boolean isolate, int poolId) {
  public WorkerOptions {
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(project, "project");
  }
}
