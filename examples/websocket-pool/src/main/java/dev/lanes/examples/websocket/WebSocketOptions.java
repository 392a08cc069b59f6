package dev.lanes.examples.websocket;

import java.util.List;

/**
 * {@code poolOptions.websocket}.
 *
 * @param agents how many agent processes the pool starts itself, on this machine (default: the project's
 *     {@code maxWorkers}); {@code 0} starts none and waits for agents you start, which need {@code connectFile}
 * @param agentJvmArgs options of the agent JVMs the pool starts, e.g. {@code ["-Xmx512m"]}
 * @param connectFile where the pool writes the address and the run's token for agents you start yourself
 *     ({@code java -cp <pool jar and lanes' runtime> dev.lanes.examples.websocket.AgentMain --connect-file <file>});
 *     relative to the working directory; readable by its owner only, and deleted when the run ends
 */
public record WebSocketOptions(Integer agents, List<String> agentJvmArgs, String connectFile) {
  public WebSocketOptions {
    if (agents != null && agents < 0) {
      throw new IllegalArgumentException("agents must be 0 (only agents you start) or more, was " + agents);
    }
    if (agents != null && agents == 0 && connectFile == null) {
      throw new IllegalArgumentException("agents = 0 needs connectFile: where the pool writes the address and token"
          + " that the agents you start connect with");
    }
    agentJvmArgs = agentJvmArgs == null ? List.of() : List.copyOf(agentJvmArgs);
  }
}
