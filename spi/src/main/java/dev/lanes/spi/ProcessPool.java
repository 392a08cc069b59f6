package dev.lanes.spi;

import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A pool runs test files and reports them into the run through
 * {@link PoolContext#createMethodsRPC}. This is Vitest's {@code ProcessPool}: core never calls it
 * with an empty list, calls {@link #close()} exactly once at the end, and contains a pool that
 * throws (its files are reported failed with the reason; other pools go on).
 */
public interface ProcessPool {

  /** The name reports show, usually the provider's name. */
  String name();

  /**
   * Runs the files; completes when every file ended. In watch mode the same pool is called again for every rerun,
   * and {@code invalidates} holds the absolute paths of the class files and resources that changed since the last
   * run: a worker that already loaded one of them must not run the next files with it. Empty in {@code lanes run}.
   */
  CompletionStage<Void> runTests(List<TestSpecification> specs, List<String> invalidates);

  /** Collects the files' tests without running any of them. */
  CompletionStage<Void> collectTests(List<TestSpecification> specs, List<String> invalidates);

  /** Stops every worker this pool started. */
  default CompletionStage<Void> close() {
    return java.util.concurrent.CompletableFuture.completedFuture(null);
  }
}
