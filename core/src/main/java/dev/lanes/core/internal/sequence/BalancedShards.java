package dev.lanes.core.internal.sequence;

import dev.lanes.spi.TestSpecification;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Shards balanced by recorded time: the files, longest first, each onto the shard with the least time so far (the
 * lowest-numbered one on a tie) — the greedy longest-processing-time rule, within 4/3 of the best possible. A file
 * with no recorded time counts the median of those recorded. The plan depends only on the files and their times,
 * never on the order they were found in, so every machine of a sharded run computes the same one.
 */
public final class BalancedShards {
  private BalancedShards() {
  }

  /** A file of a shard and the time it is expected to take; {@code recorded}: whether a run recorded it. */
  public record Planned(TestSpecification file, long millis, boolean recorded) {
  }

  /** One shard of the plan: its files, in the order assigned, and their expected time in total. */
  public record Shard(int index, List<Planned> files, long millis) {
    public Shard {
      files = List.copyOf(files);
    }
  }

  /** The plan of {@code count} shards of {@code files}, timed by {@code timing}. */
  public static List<Shard> plan(List<TestSpecification> files, Function<TestSpecification, OptionalLong> timing,
                                 int count) {
    List<Long> known = files.stream().map(timing).filter(OptionalLong::isPresent).map(OptionalLong::getAsLong)
        .sorted().toList();
    long median = known.isEmpty() ? 0 : known.get((known.size() - 1) / 2);
    List<Planned> planned = new ArrayList<>();
    for (TestSpecification file : files) {
      OptionalLong millis = timing.apply(file);
      planned.add(new Planned(file, millis.orElse(median), millis.isPresent()));
    }
    planned.sort(Comparator.comparingLong(Planned::millis).reversed()
        .thenComparing(p -> BaseSequencer.sha1(p.file().moduleId()))
        .thenComparing(p -> p.file().project().name()));
    List<List<Planned>> bins = new ArrayList<>();
    long[] load = new long[count];
    for (int i = 0; i < count; i++) {
      bins.add(new ArrayList<>());
    }
    for (Planned file : planned) {
      int least = 0;
      for (int i = 1; i < count; i++) {
        if (load[i] < load[least]) {
          least = i;
        }
      }
      bins.get(least).add(file);
      load[least] += file.millis();
    }
    List<Shard> shards = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      shards.add(new Shard(i + 1, bins.get(i), load[i]));
    }
    return shards;
  }
}
