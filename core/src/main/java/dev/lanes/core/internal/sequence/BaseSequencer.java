package dev.lanes.core.internal.sequence;

import dev.lanes.spi.Sequencer;
import dev.lanes.spi.TestSpecification;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Vitest's {@code BaseSequencer}. Shards by recorded time where the run has {@code --shard-timings} that know any of
 * its files ({@link BalancedShards}); otherwise by the sha1 of each file's module id (a class name, or a source path
 * relative to the project root: the same on every machine), sorted, in contiguous slices, the first
 * {@code files % count} shards one file larger. Sorts by group order, then project, isolated projects first, then by
 * what the last run recorded: a file without a result first (larger first), then failed first, then slower first.
 */
public class BaseSequencer implements Sequencer {
  protected final Context context;

  public BaseSequencer(Context context) {
    this.context = context;
  }

  @Override
  public List<TestSpecification> shard(List<TestSpecification> files, int index, int count) {
    if (files.stream().anyMatch(file -> context.timing(file).isPresent())) {
      return BalancedShards.plan(files, context::timing, count).get(index - 1).files().stream()
          .map(BalancedShards.Planned::file).toList();
    }
    List<TestSpecification> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing((TestSpecification file) -> sha1(file.moduleId()))
        .thenComparing(file -> file.project().name()));
    int base = sorted.size() / count;
    int remainder = sorted.size() % count;
    int from = (index - 1) * base + Math.min(index - 1, remainder);
    int to = from + base + (index <= remainder ? 1 : 0);
    return List.copyOf(sorted.subList(from, to));
  }

  @Override
  public List<TestSpecification> sort(List<TestSpecification> files) {
    List<TestSpecification> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparingInt(context::groupOrder)
        .thenComparing(file -> file.project().name())
        .thenComparing(file -> !file.project().isolate())
        .thenComparing(this::byLastRun));
    return sorted;
  }

  private int byLastRun(TestSpecification a, TestSpecification b) {
    Optional<CachedResult> first = context.lastResult(a);
    Optional<CachedResult> second = context.lastResult(b);
    if (first.isEmpty() || second.isEmpty()) {
      if (first.isPresent() != second.isPresent()) {
        return first.isEmpty() ? -1 : 1; // never ran: first, so a new file's failure shows early
      }
      return Long.compare(context.size(b).orElse(0), context.size(a).orElse(0)); // larger first
    }
    if (first.get().failed() != second.get().failed()) {
      return first.get().failed() ? -1 : 1;
    }
    return Long.compare(second.get().durationMillis(), first.get().durationMillis()); // slower first
  }

  static String sha1(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-1", e);
    }
  }
}
