package dev.lanes.examples.websocket;

import dev.lanes.spi.ProcessPool;
import dev.lanes.spi.TestSpecification;
import java.util.List;
import java.util.concurrent.CompletionStage;

/** Lanes' scheduler over the agents' workers; closing it also stops the server and the agents it started. */
final class WebSocketPool implements ProcessPool {
  private final ProcessPool workers;
  private final AgentServer agents;

  WebSocketPool(ProcessPool workers, AgentServer agents) {
    this.workers = workers;
    this.agents = agents;
  }

  @Override
  public String name() {
    return workers.name();
  }

  @Override
  public CompletionStage<Void> runTests(List<TestSpecification> specs, List<String> invalidates) {
    return workers.runTests(specs, invalidates);
  }

  @Override
  public CompletionStage<Void> collectTests(List<TestSpecification> specs, List<String> invalidates) {
    return workers.collectTests(specs, invalidates);
  }

  @Override
  public CompletionStage<Void> close() {
    return workers.close().whenComplete((ignored, error) -> agents.close());
  }
}
