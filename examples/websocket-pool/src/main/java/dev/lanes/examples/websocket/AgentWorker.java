package dev.lanes.examples.websocket;

import dev.lanes.runtime.codec.JsonCodec;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.WorkerExit;
import dev.lanes.spi.WorkerOptions;
import dev.lanes.spi.protocol.Codec;
import dev.lanes.spi.protocol.Message;
import dev.lanes.spi.protocol.WorkerRequest;
import dev.lanes.spi.protocol.WorkerResponse;
import dev.lanes.spi.support.AbstractPoolWorker;
import java.io.File;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * A worker is a lease of one connected agent: it starts when an agent is free and carries the worker
 * protocol over the agent's WebSocket. A lease that ends cleanly ({@code stopped} was answered) gives
 * the agent back for the next worker; any other end (a forced stop, a stuck test) ends the agent.
 */
final class AgentWorker extends AbstractPoolWorker implements Agent.Holder {
  /**
   * The agent's own frame, sent before each {@code start} request: {@value} and the project's class path. It opens a
   * new lease with that class path; the protocol's messages then go to the lease's worker loop.
   */
  static final String LEASE = "lease ";
  private static final Codec CODEC = JsonCodec.forProtocol();

  private final WorkerOptions options;
  private final AgentServer agents;
  private CompletableFuture<Agent> lease;
  private CompletableFuture<Void> stopped;
  private volatile Agent agent;
  private volatile boolean stoppedCleanly;

  AgentWorker(WorkerOptions options, AgentServer agents) {
    this.options = options;
    this.agents = agents;
  }

  @Override
  public String name() {
    return options.pool();
  }

  @Override
  public synchronized CompletionStage<Void> start() {
    if (lease == null) {
      lease = agents.lease(options.project());
    }
    return lease.thenAccept(leased -> {
      agent = leased;
      leased.hold(this);
      if (!leased.isAlive()) {
        onClosed("the agent's connection closed as it was leased");
      }
    });
  }

  @Override
  public synchronized CompletionStage<Void> stop() {
    if (stopped != null) {
      return stopped;
    }
    stopped = new CompletableFuture<>();
    if (lease == null) {
      stopped.complete(null);
      return stopped;
    }
    if (!lease.isDone()) {
      agents.cancel(lease);
    }
    lease.whenComplete((leased, error) -> {
      if (leased == null) {
        stopped.complete(null);
        return;
      }
      leased.release(this);
      if (stoppedCleanly && leased.isAlive()) {
        agents.release(leased);
        stopped.complete(null);
      } else {
        leased.kill();
        leased.process().map(p -> p.process().onExit().orTimeout(5, TimeUnit.SECONDS))
            .orElse(CompletableFuture.completedFuture(null))
            .whenComplete((ignored, timeout) -> stopped.complete(null));
      }
    });
    return stopped;
  }

  @Override
  public void send(Message message) {
    Agent leased = agent;
    if (leased == null) {
      throw new IllegalStateException("[" + options.pool() + "] worker " + options.poolId() + " has no agent yet");
    }
    if (message instanceof WorkerRequest.Start) {
      leased.send(LEASE + String.join(File.pathSeparator,
          options.project().classpath().stream().map(Path::toString).toList()));
    }
    leased.send(CODEC.encode(message));
  }

  @Override
  public void onText(String text) {
    received(text, CODEC);
  }

  @Override
  protected void beforeListeners(Message message) {
    if (message instanceof WorkerResponse.Stopped) {
      stoppedCleanly = true;
    }
  }

  @Override
  public void onClosed(String why) {
    Agent leased = agent;
    String description = leased == null ? why
        : leased.process().map(p -> p.describeExit(2000)).orElse(why + " (" + leased + ")");
    int code = leased == null ? -1 : leased.process().filter(p -> !p.process().isAlive())
        .map(p -> p.process().exitValue()).orElse(-1);
    listeners.exit(WorkerExit.code(code, description));
  }

  @Override
  public boolean canReuse(TestSpecification next) {
    return !options.isolate();
  }
}
