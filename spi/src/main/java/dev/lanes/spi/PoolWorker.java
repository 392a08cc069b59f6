package dev.lanes.spi;

import dev.lanes.spi.protocol.Message;
import java.util.concurrent.CompletionStage;

/**
 * The thread, process, page or anything else that runs files: just a transport. Core's scheduler
 * ({@link PoolContext#workerPool}) drives it through Vitest's protocol and owns its life: start
 * and stop time-outs, crash handling, reuse.
 *
 * <p>Rules: {@link #start()} completes when the transport is ready (before the {@code start}
 * request) or fails fast when the worker cannot start; {@link #stop()} is idempotent and ends the
 * worker by force if needed; a worker that dies tells its listeners through {@link Listener#onExit}.
 */
public interface PoolWorker {

  /** The pool this worker belongs to. */
  String name();

  CompletionStage<Void> start();

  CompletionStage<Void> stop();

  /** Sends a control request or an RPC frame to the worker. */
  void send(Message message);

  void on(Listener listener);

  void off(Listener listener);

  /** Whether this worker may run {@code next} after its current file; asked only for the same pool and project. */
  default boolean canReuse(TestSpecification next) {
    return true;
  }

  /** What a worker tells the runner. Methods may be called from any thread. */
  interface Listener {
    default void onMessage(Message message) {
    }

    default void onError(Throwable error) {
    }

    default void onExit(WorkerExit exit) {
    }
  }
}
