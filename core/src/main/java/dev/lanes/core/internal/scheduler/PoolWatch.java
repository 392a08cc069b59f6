package dev.lanes.core.internal.scheduler;

import dev.lanes.core.internal.state.TestRun;
import dev.lanes.spi.FileOutcome;
import dev.lanes.spi.PoolLogger;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.TestError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for the pools' runs of one group of files, and ends what a pool leaves hanging: when a pool has reported
 * nothing on any of its unfinished files for {@code testTimeout + teardownTimeout} (its files' largest; never with
 * {@code testTimeout = 0}), those files fail with the reason and the run goes on without that pool's run. A pool that
 * ended every file but whose run never completes is waited for {@code teardownTimeout} more, then left with a warning.
 * Pools that run their files through the scheduler ({@code PoolContext.workerPool}, wrapped or not) are not watched:
 * each of its runners has its own time-outs, which end a hung file with a thread dump.
 */
public final class PoolWatch {
  private static final long TICK_MILLIS = 200;

  /** One pool's run of some files; {@code watch} is false for the scheduler's own pools. */
  public record Watched(String pool, List<TestSpecification> specs, CompletableFuture<Void> run, boolean watch) {
  }

  private PoolWatch() {
  }

  public static void await(List<Watched> runs, TestRun state, PoolLogger logger) {
    long started = System.nanoTime();
    List<Watched> waiting = new ArrayList<>(runs);
    List<Watched> allEnded = new ArrayList<>();
    long[] endedAt = new long[runs.size()];
    boolean interrupted = false;
    while (!waiting.isEmpty()) {
      try {
        CompletableFuture.anyOf(waiting.stream().map(Watched::run).toArray(CompletableFuture[]::new))
            .get(TICK_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // look at each run below
      } catch (InterruptedException e) {
        // as join() does: an interrupt (a test that interrupts every thread) does not end the wait
        interrupted = true;
      } catch (Exception e) {
        // a run that failed: its handler reports it; waiting goes on for the others
      }
      long now = System.nanoTime();
      for (Watched watched : List.copyOf(waiting)) {
        int index = runs.indexOf(watched);
        List<TestSpecification> unfinished = state.unfinished(watched.specs());
        if (watched.run().isDone()) {
          waiting.remove(watched);
        } else if (unfinished.isEmpty()) {
          if (!allEnded.contains(watched)) {
            allEnded.add(watched);
            endedAt[index] = now;
          } else if (now - endedAt[index] > limit(watched.specs(), Limits::teardownNanos)) {
            logger.warn("[" + watched.pool() + "] ended every file but its run never completed; going on without it"
                + " (a ProcessPool's runTests completes once every file ended).");
            waiting.remove(watched);
          }
        } else if (watched.watch() && watchable(unfinished)
            && now - state.lastReport(watched.specs(), started) > limit(unfinished, Limits::silenceNanos)) {
          for (TestSpecification spec : unfinished) {
            Duration silent = Duration.ofNanos(now - state.lastReport(List.of(spec), started));
            state.failFiles(List.of(spec), TestError.of("PoolStalled", "[" + watched.pool() + "] reported nothing"
                + " for '" + spec.moduleId() + "' for " + silent.toSeconds() + " s (testTimeout + teardownTimeout"
                + " of its project: " + seconds(spec) + " s) and did not end it; the run goes on without it."),
                FileOutcome.stalled(watched.pool()));
          }
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean watchable(List<TestSpecification> specs) {
    return specs.stream().noneMatch(spec -> spec.project().testTimeout().isZero());
  }

  private static long limit(List<TestSpecification> specs, java.util.function.ToLongFunction<Limits> limit) {
    return specs.stream().map(Limits::new).mapToLong(limit).max().orElse(0);
  }

  private static long seconds(TestSpecification spec) {
    return Duration.ofNanos(new Limits(spec).silenceNanos()).toSeconds();
  }

  /** A file's limits, from its project. */
  private record Limits(TestSpecification spec) {
    long silenceNanos() {
      return spec.project().testTimeout().plus(spec.project().teardownTimeout()).toNanos();
    }

    long teardownNanos() {
      return spec.project().teardownTimeout().toNanos();
    }
  }
}
