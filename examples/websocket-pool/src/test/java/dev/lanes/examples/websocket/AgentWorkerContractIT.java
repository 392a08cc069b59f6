package dev.lanes.examples.websocket;

import dev.lanes.spi.PoolWorker;
import dev.lanes.spi.WorkerOptions;
import dev.lanes.testkit.PoolWorkerContract;
import java.util.List;
import org.junit.jupiter.api.AfterAll;

/** The agents' workers keep the rules every worker keeps; each test's workers lease agents this server starts. */
class AgentWorkerContractIT extends PoolWorkerContract {
  private static final AgentServer AGENTS = new AgentServer(new WebSocketOptions(2, List.of(), null), Loggers.SILENT);

  @AfterAll
  static void stopTheAgents() {
    AGENTS.close();
  }

  @Override
  protected PoolWorker createWorker(WorkerOptions options) {
    return new AgentWorker(options, AGENTS);
  }
}
