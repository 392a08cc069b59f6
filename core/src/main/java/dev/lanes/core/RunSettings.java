package dev.lanes.core;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the whole run, not of one project: {@code bail}, {@code shard}, {@code passWithNoTests},
 * {@code sequence.sequencer}/{@code shuffle}/{@code seed} and {@code shardTimings}. {@code seed} is the one given, or
 * one picked for the run; {@code shardTimings} the recorded run that balanced shards are planned by.
 */
public record RunSettings(int bail, Optional<Shard> shard, boolean passWithNoTests, String sequencer, boolean shuffle,
                          long seed, Optional<Path> shardTimings) {
  /** {@code sequence.sequencer = default}: Vitest's BaseSequencer, or its RandomSequencer with {@code shuffle}. */
  public static final String DEFAULT_SEQUENCER = "default";

  public RunSettings {
    shard = Optional.ofNullable(shard).flatMap(s -> s);
    shardTimings = Optional.ofNullable(shardTimings).flatMap(t -> t);
    Objects.requireNonNull(sequencer, "sequencer");
    if (bail < 0) {
      throw new IllegalArgumentException("bail must be 0 (never) or a number of failed tests, was " + bail);
    }
  }

  /** The defaults: no bail, no shard, Vitest's order. */
  public static RunSettings defaults() {
    return new RunSettings(0, Optional.empty(), false, DEFAULT_SEQUENCER, false, 0, Optional.empty());
  }

  /** {@code --shard <index>/<count>}, 1-based. */
  public record Shard(int index, int count) {
    public Shard {
      if (count < 1) {
        throw new IllegalArgumentException("--shard <count> must be a positive number");
      }
      if (index < 1 || index > count) {
        throw new IllegalArgumentException("--shard <index> must be a number from 1 to <count>");
      }
    }

    /** Parses {@code "2/3"}, with Vitest's messages for what is wrong. */
    public static Shard parse(String text) {
      String[] parts = text.trim().split("/", -1);
      if (parts.length != 2) {
        throw new IllegalArgumentException("--shard must be \"<index>/<count>\", e.g. \"1/3\"; was \"" + text + "\"");
      }
      int index;
      int count;
      try {
        count = Integer.parseInt(parts[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--shard <count> must be a positive number");
      }
      try {
        index = Integer.parseInt(parts[0].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--shard <index> must be a number from 1 to <count>");
      }
      return new Shard(index, count);
    }

    @Override
    public String toString() {
      return index + "/" + count;
    }
  }
}
