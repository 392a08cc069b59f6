package dev.lanes.spi.report;

import dev.lanes.spi.PoolContext;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.TestSpecification;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a whole pool's files the way the built-in pools schedule theirs: at most {@code maxWorkers} at once (the
 * largest of the files' projects), each with its {@link FileReport}; a file whose run throws fails with that error,
 * every file's report is finished when its run returns, and once the run stops handing out files ({@code bail}) the
 * files not yet started are reported skipped with the reason.
 */
public final class FileRuns {
  /** What a pool does with one file: runs it and reports through {@code report}; may throw. */
  @FunctionalInterface
  public interface FileRun {
    void run(FileReport report) throws Exception;
  }

  private FileRuns() {
  }

  /** Runs {@code specs} with {@code run}; completes when every file's report is finished. */
  public static CompletionStage<Void> run(PoolContext context, List<TestSpecification> specs, FileRun run) {
    return schedule(context, specs, run, false);
  }

  /**
   * As {@link #run}, with reports that only collect ({@code lanes list}): {@code run} declares each file's tests
   * (a pool that learns them only by running the file runs it and reports no result).
   */
  public static CompletionStage<Void> collect(PoolContext context, List<TestSpecification> specs, FileRun run) {
    return schedule(context, specs, run, true);
  }

  private static CompletionStage<Void> schedule(PoolContext context, List<TestSpecification> specs, FileRun run,
                                                boolean collect) {
    int slots = Math.max(1, specs.stream().map(TestSpecification::project).mapToInt(TestProject::maxWorkers).max()
        .orElse(1));
    AtomicInteger count = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(Math.min(slots, Math.max(1, specs.size())), task -> {
      Thread thread = new Thread(task, "lanes-" + context.poolName() + "-file-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    AtomicReference<String> cancelled = new AtomicReference<>();
    context.onCancel(reason -> cancelled.compareAndSet(null, reason));
    CompletableFuture<?>[] files = specs.stream()
        .map(spec -> CompletableFuture.runAsync(() -> runOne(context, spec, run, cancelled, collect), threads))
        .toArray(CompletableFuture[]::new);
    return CompletableFuture.allOf(files).whenComplete((ignored, error) -> threads.shutdown());
  }

  private static void runOne(PoolContext context, TestSpecification spec, FileRun run,
                             AtomicReference<String> cancelled, boolean collect) {
    FileReport report = collect ? context.collect(spec) : context.report(spec);
    try {
      if (cancelled.get() != null && !collect) {
        report.skipped(cancelled.get());
      } else {
        run.run(report);
      }
    } catch (Exception | LinkageError | AssertionError e) {
      if (!report.isFinished() && !collect) {
        report.failed(e);
      }
    } finally {
      report.finished();
    }
  }
}
