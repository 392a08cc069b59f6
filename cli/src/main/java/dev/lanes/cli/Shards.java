package dev.lanes.cli;

import dev.lanes.core.Lanes;
import dev.lanes.core.ShardPlan;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code lanes shards}: how {@code --shard i/N --shard-timings FILE} splits the files, for a CI owner to see. */
@Command(name = "shards", mixinStandardHelpOptions = true,
    description = "Print how --shard-timings balances N shards: each shard's files and the time they are expected to take.")
final class Shards implements Callable<Integer> {
  @Mixin
  Shared shared;

  @Option(names = "--timings", required = true, paramLabel = "FILE",
      description = "The recorded run: a results cache, a blob, JUnit XML or a folder of them.")
  Path timings;

  @Option(names = "--count", required = true, paramLabel = "N", description = "How many shards.")
  int count;

  @Override
  public Integer call() {
    ShardPlan plan = Lanes.shardPlan(shared.load(), shared.options(true), timings.toAbsolutePath().normalize(), count);
    PrintStream out = shared.out();
    long total = plan.shards().stream().mapToLong(ShardPlan.Shard::millis).sum();
    out.println(plan.files() + (plan.files() == 1 ? " file" : " files") + " in " + count + " shards, balanced by "
        + timings + " (" + plan.recorded() + " recorded" + (plan.recorded() < plan.files()
        ? "; the others count the median of those" : "") + "):");
    for (ShardPlan.Shard shard : plan.shards()) {
      out.println("  Shard " + shard.index() + "/" + count + "  " + seconds(shard.millis()) + "  "
          + shard.files().size() + (shard.files().size() == 1 ? " file" : " files"));
      for (ShardPlan.PlannedFile file : shard.files()) {
        out.println("    " + seconds(file.millis()) + "  " + (file.project().isEmpty() ? "" : file.project() + ": ")
            + file.moduleId() + (file.recorded() ? "" : "  (not recorded: the median)"));
      }
    }
    out.println("Longest shard " + seconds(plan.makespan()) + "; all in one " + seconds(total) + "; the best "
        + count + " shards could do " + seconds(Math.max((total + count - 1) / count, longestFile(plan))) + ".");
    return 0;
  }

  private static long longestFile(ShardPlan plan) {
    return plan.shards().stream().flatMap(s -> s.files().stream()).mapToLong(ShardPlan.PlannedFile::millis).max()
        .orElse(0);
  }

  private static String seconds(long millis) {
    return String.format(Locale.ROOT, "%8.2fs", millis / 1000.0);
  }
}
