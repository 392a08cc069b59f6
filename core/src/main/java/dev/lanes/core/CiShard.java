package dev.lanes.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shard a CI's own variables give a run that was not given {@code --shard}: a Kubernetes Indexed Job
 * ({@code JOB_COMPLETION_INDEX}, 0-based, with the job's completions as {@code LANES_SHARD_TOTAL}), Bazel's test
 * sharding ({@code TEST_SHARD_INDEX}, 0-based, and {@code TEST_TOTAL_SHARDS}; Bazel also asks that
 * {@code TEST_SHARD_STATUS_FILE} be touched, reads JUnit XML from {@code XML_OUTPUT_FILE} and passes
 * {@code --test_filter} as {@code TESTBRIDGE_TEST_ONLY}), or any CI through {@code LANES_SHARD=<index>/<count>} (a
 * GitHub Actions matrix, say). {@code says} is the line the run prints first.
 */
public record CiShard(String shard, String says, Optional<Path> statusFile, Optional<Path> xmlOutput,
                      List<String> filters) {
  public CiShard {
    filters = List.copyOf(filters);
  }

  /**
   * The shard {@code env} gives, if any. Variables that give an incomplete shard (an index without a count) are a
   * problem, named with what to set.
   */
  public static Optional<CiShard> detect(Map<String, String> env, List<String> problems) {
    Optional<Path> status = value(env, "TEST_SHARD_STATUS_FILE").map(Path::of);
    Optional<Path> xml = value(env, "XML_OUTPUT_FILE").map(Path::of);
    List<String> filters = value(env, "TESTBRIDGE_TEST_ONLY").map(List::of).orElse(List.of());
    Optional<String> lanes = value(env, "LANES_SHARD");
    if (lanes.isPresent()) {
      return Optional.of(new CiShard(lanes.get(), "Shard " + lanes.get() + " (LANES_SHARD=" + lanes.get() + ")",
          Optional.empty(), Optional.empty(), List.of()));
    }
    Optional<String> bazelIndex = value(env, "TEST_SHARD_INDEX");
    Optional<String> bazelTotal = value(env, "TEST_TOTAL_SHARDS");
    if (bazelIndex.isPresent() || bazelTotal.isPresent()) {
      if (bazelIndex.isEmpty() || bazelTotal.isEmpty()) {
        problems.add("Bazel's test sharding gives TEST_SHARD_INDEX and TEST_TOTAL_SHARDS together; only "
            + (bazelIndex.isPresent() ? "TEST_SHARD_INDEX" : "TEST_TOTAL_SHARDS") + " is set.");
        return Optional.empty();
      }
      return shard(bazelIndex.get(), bazelTotal.get(), "TEST_SHARD_INDEX", "TEST_TOTAL_SHARDS", problems)
          .map(shard -> new CiShard(shard, "Shard " + shard + " (Bazel: TEST_SHARD_INDEX=" + bazelIndex.get()
              + ", TEST_TOTAL_SHARDS=" + bazelTotal.get() + ")", status, xml, filters));
    }
    Optional<String> jobIndex = value(env, "JOB_COMPLETION_INDEX");
    Optional<String> jobTotal = value(env, "LANES_SHARD_TOTAL");
    if (jobIndex.isPresent() && jobTotal.isPresent()) {
      return shard(jobIndex.get(), jobTotal.get(), "JOB_COMPLETION_INDEX", "LANES_SHARD_TOTAL", problems)
          .map(shard -> new CiShard(shard, "Shard " + shard + " (Kubernetes Indexed Job: JOB_COMPLETION_INDEX="
              + jobIndex.get() + ", LANES_SHARD_TOTAL=" + jobTotal.get() + ")", Optional.empty(), Optional.empty(),
              List.of()));
    }
    if (status.isPresent() || xml.isPresent() || !filters.isEmpty()) { // Bazel without sharding
      return Optional.of(new CiShard("", "", status, xml, filters));
    }
    return Optional.empty();
  }

  /** Whether it gives a shard (Bazel without sharding gives only its files and filter). */
  public boolean sharded() {
    return !shard.isEmpty();
  }

  private static Optional<String> shard(String index, String total, String indexName, String totalName,
                                        List<String> problems) {
    try {
      int zeroBased = Integer.parseInt(index.trim());
      int count = Integer.parseInt(total.trim());
      if (count < 1 || zeroBased < 0 || zeroBased >= count) {
        problems.add(indexName + "=" + index + " and " + totalName + "=" + total + " give no shard: the index counts"
            + " from 0 to " + totalName + " - 1.");
        return Optional.empty();
      }
      return Optional.of((zeroBased + 1) + "/" + count);
    } catch (NumberFormatException e) {
      problems.add(indexName + "=" + index + " and " + totalName + "=" + total + " must both be whole numbers.");
      return Optional.empty();
    }
  }

  private static Optional<String> value(Map<String, String> env, String name) {
    return Optional.ofNullable(env.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }
}
