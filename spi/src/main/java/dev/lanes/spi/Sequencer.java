package dev.lanes.spi;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Picks a shard of a run's files and orders them: Vitest's {@code TestSequencer}. Chosen with
 * {@code sequence.sequencer} (a class name; it has a public constructor taking a {@link Context}, or none).
 * {@link #shard} runs before {@link #sort}, and only when the run has {@code --shard}.
 */
public interface Sequencer {

  /** The files of shard {@code index} of {@code count} (1-based): disjoint, complete, the same on every machine. */
  List<TestSpecification> shard(List<TestSpecification> files, int index, int count);

  /** The order in which files are handed to their pools. */
  List<TestSpecification> sort(List<TestSpecification> files);

  /** What a sequencer may know about the run: the seed, and what the last run recorded of each file. */
  interface Context {
    /** The seed of {@code sequence.shuffle}: given with {@code sequence.seed}, or picked (and printed) for the run. */
    long seed();

    /** The {@code sequence.groupOrder} of the file's project. */
    int groupOrder(TestSpecification file);

    /** The file's size in bytes (its class file, or its source), if it can be found. */
    OptionalLong size(TestSpecification file);

    /** What the last run of this project recorded of the file, if it ran. */
    Optional<CachedResult> lastResult(TestSpecification file);

    /**
     * How long the file took in the recorded run that every machine of a sharded run shares ({@code --shard-timings}),
     * if one is named and recorded it: what balanced shards are planned by.
     */
    default OptionalLong timing(TestSpecification file) {
      return OptionalLong.empty();
    }
  }

  /** A file's outcome in the last run: how long it took and whether it failed. */
  record CachedResult(long durationMillis, boolean failed) {
  }
}
