package dev.lanes.core;

import java.util.List;

/**
 * How {@code --shard i/N} with {@code --shard-timings} splits a run's files: each shard's files, longest first, and
 * the time they are expected to take by the recorded run; files it did not record count the median of those it did.
 * {@code lanes shards} prints it.
 */
public record ShardPlan(List<Shard> shards, int files, int recorded) {
  public ShardPlan {
    shards = List.copyOf(shards);
  }

  /** One shard: its 1-based index, its files and their expected time in total. */
  public record Shard(int index, long millis, List<PlannedFile> files) {
    public Shard {
      files = List.copyOf(files);
    }
  }

  /** A file of a shard: its project and module id, its expected time, whether the recorded run had it. */
  public record PlannedFile(String project, String moduleId, long millis, boolean recorded) {
  }

  /** The longest shard's time: when the sharded run ends, by the recorded times. */
  public long makespan() {
    return shards.stream().mapToLong(Shard::millis).max().orElse(0);
  }
}
