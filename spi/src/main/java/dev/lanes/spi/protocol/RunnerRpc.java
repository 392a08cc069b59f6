package dev.lanes.spi.protocol;

import java.util.concurrent.CompletionStage;

/**
 * The methods the host may call on a worker through RPC. A worker answers them on the thread that
 * reads its channel, never on the thread running tests, so they work while a test is stuck.
 * Cancelling is the {@link WorkerRequest.Cancel} control request.
 */
public interface RunnerRpc {

  /**
   * The stacks of the worker's threads, as {@code jstack} prints them: what the host attaches to the
   * report of a worker that stopped answering, before stopping it by force.
   */
  CompletionStage<String> threadDump();
}
