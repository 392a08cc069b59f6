package dev.lanes.spi;

import dev.lanes.spi.protocol.RuntimeRpc;
import java.util.List;
import java.util.function.Consumer;

/**
 * What core gives a pool (Vitest's {@code Vitest} object): the projects, the methods workers
 * report through, the scheduler for pools that only bring a {@link PoolWorker}, and a logger.
 */
public interface PoolContext {

  /** The name this pool was selected by. */
  String poolName();

  /** The projects of this run. */
  List<TestProject> projects();

  /** The methods a worker of {@code project} calls back; reports go to the state and the reporters. */
  RuntimeRpc createMethodsRPC(TestProject project, boolean collect);

  /** Core's scheduler (queue, {@code maxWorkers} slots, isolation, reuse, crash handling) over {@code factory}'s workers. */
  ProcessPool workerPool(WorkerFactory factory);

  /**
   * {@code listener} hears, with the reason, when the run stops handing out files ({@code bail}): a pool stops
   * starting files; those it never started are reported skipped. {@link #workerPool} pools do this themselves.
   */
  default void onCancel(Consumer<String> listener) {
  }

  /** Messages for the person running the tests. */
  PoolLogger logger();
}
