package dev.lanes.spi.support;

import dev.lanes.spi.ProcessPool;
import dev.lanes.spi.TestSpecification;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Helpers for pools built on another pool, usually the one {@code PoolContext.workerPool} gives. */
public final class ProcessPools {
  private ProcessPools() {
  }

  /**
   * {@code pool}, whose {@code close()} also runs {@code afterClose} once the pool has closed (or failed to):
   * for what a pool owns besides its workers, such as a server its workers connect to.
   */
  public static ProcessPool closingAlso(ProcessPool pool, Runnable afterClose) {
    return new ProcessPool() {
      @Override
      public String name() {
        return pool.name();
      }

      @Override
      public CompletionStage<Void> runTests(List<TestSpecification> specs, List<String> invalidates) {
        return pool.runTests(specs, invalidates);
      }

      @Override
      public CompletionStage<Void> collectTests(List<TestSpecification> specs, List<String> invalidates) {
        return pool.collectTests(specs, invalidates);
      }

      @Override
      public CompletionStage<Void> close() {
        return pool.close().whenComplete((ignored, error) -> afterClose.run());
      }
    };
  }
}
