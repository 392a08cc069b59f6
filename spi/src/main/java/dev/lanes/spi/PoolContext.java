package dev.lanes.spi;

import dev.lanes.spi.protocol.RuntimeRpc;
import dev.lanes.spi.report.FileReport;
import dev.lanes.spi.report.FileRuns;
import java.util.List;
import java.util.concurrent.CompletionStage;
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

  /**
   * A report of {@code spec}'s run, for a pool that runs files its own way: declare, start and end its tests through
   * handles; the report keeps the order {@link RuntimeRpc} needs and derives the suites' results. The file is queued.
   */
  default FileReport report(TestSpecification spec) {
    return FileReport.running(createMethodsRPC(spec.project(), false), spec);
  }

  /**
   * Runs {@code specs} through {@code run}, one {@link FileReport} each, as the built-in pools schedule files: at most
   * {@code maxWorkers} at once, a file whose run throws failed with the error, every report finished, files not yet
   * started when the run stops ({@code bail}) skipped ({@link FileRuns}). Completes when every file ended.
   */
  default CompletionStage<Void> runFiles(List<TestSpecification> specs, FileRuns.FileRun run) {
    return FileRuns.run(this, specs, run);
  }

  /** As {@link #runFiles}, with reports that only collect ({@code collect(spec)}), for {@code lanes list}. */
  default CompletionStage<Void> collectFiles(List<TestSpecification> specs, FileRuns.FileRun run) {
    return FileRuns.collect(this, specs, run);
  }

  /** A report that only collects {@code spec}'s tests ({@code lanes list}): declare them, then {@code finished()}. */
  default FileReport collect(TestSpecification spec) {
    return FileReport.collecting(createMethodsRPC(spec.project(), true), spec);
  }

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
