package dev.lanes.examples.websocket;

import dev.lanes.spi.PoolLogger;
import dev.lanes.spi.TestProject;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * The agents' side of the pool: a WebSocket server bound to loopback that admits only connections
 * carrying this run's token, the agents connected to it, and the agent processes it started. A worker
 * {@linkplain #lease leases} an idle agent, starting one if fewer than {@code agents} run, or waits for one.
 */
final class AgentServer {
  static final String PATH = "/lanes/agents";
  static final String AGENT_HEADER = "X-Lanes-Agent";
  private static final long MAX_MESSAGE = 64L * 1024 * 1024;

  private final WebSocketOptions options;
  private final PoolLogger logger;
  private final String token = newToken();
  private final Deque<Agent> idle = new ArrayDeque<>();
  private final Deque<CompletableFuture<Agent>> waiting = new ArrayDeque<>();
  private final Map<String, AgentProcess> started = new HashMap<>();
  private final Set<Agent> connected = new LinkedHashSet<>();
  private final Thread reaper = new Thread(this::killStarted, "lanes-websocket-agents-reaper");
  private Server server;
  private URI address;
  private Path connectFile;
  private int nextId;
  private TestProject lastProject;
  private boolean closed;

  AgentServer(WebSocketOptions options, PoolLogger logger) {
    this.options = options;
    this.logger = logger;
  }

  /** An idle agent for a worker of {@code project}; fails if the agent this starts for it ends before connecting. */
  synchronized CompletableFuture<Agent> lease(TestProject project) {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException("[websocket] the pool is closed"));
    }
    try {
      listen();
    } catch (Exception e) {
      return CompletableFuture.failedFuture(new IllegalStateException(
          "[websocket] the agents' server could not start: " + e.getMessage(), e));
    }
    Agent agent = idle.poll();
    if (agent != null) {
      return CompletableFuture.completedFuture(agent);
    }
    CompletableFuture<Agent> lease = new CompletableFuture<>();
    waiting.add(lease);
    lastProject = project;
    int limit = options.agents() == null ? project.maxWorkers() : options.agents();
    if (started.size() < limit) {
      try {
        start(project);
      } catch (IOException | RuntimeException e) {
        waiting.remove(lease);
        lease.completeExceptionally(new IllegalStateException(
            "[websocket] the agent JVM could not be started: " + e.getMessage(), e));
      }
    }
    return lease;
  }

  /** Gives up a lease that has no agent yet; an agent it got meanwhile is released. */
  synchronized void cancel(CompletableFuture<Agent> lease) {
    waiting.remove(lease);
    if (!lease.completeExceptionally(new IllegalStateException("the worker stopped before an agent was free"))
        && !lease.isCompletedExceptionally()) {
      release(lease.join());
    }
  }

  /** An agent back from a lease that ended cleanly: it serves the next one. */
  synchronized void release(Agent agent) {
    if (closed || !agent.isAlive()) {
      agent.kill();
      return;
    }
    handOver(agent);
  }

  synchronized void connected(Agent agent) {
    connected.add(agent);
    agent.process().ifPresent(AgentProcess::connected);
    if (closed) {
      agent.kill();
      return;
    }
    handOver(agent);
  }

  synchronized void disconnected(Agent agent) {
    connected.remove(agent);
    idle.remove(agent);
  }

  private void handOver(Agent agent) {
    for (CompletableFuture<Agent> lease = waiting.poll(); lease != null; lease = waiting.poll()) {
      if (lease.complete(agent)) {
        return;
      }
    }
    idle.add(agent);
  }

  /** Stops the server and every agent it started; agents started elsewhere end when their connection closes. */
  void close() {
    List<AgentProcess> processes;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      IllegalStateException gone = new IllegalStateException("[websocket] the pool closed");
      waiting.forEach(lease -> lease.completeExceptionally(gone));
      waiting.clear();
      idle.clear();
      processes = new ArrayList<>(started.values());
    }
    try {
      if (server != null) {
        server.stop(); // closes every connection: the agents end themselves
      }
    } catch (Exception e) {
      logger.warn("[websocket] the agents' server did not stop cleanly: " + e);
    }
    for (AgentProcess process : processes) {
      try {
        if (!process.process().waitFor(5, TimeUnit.SECONDS)) {
          process.kill();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.kill();
      }
    }
    deleteConnectFile();
    try {
      Runtime.getRuntime().removeShutdownHook(reaper);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // shutting down already, or never added
    }
  }

  /** The address agents connect to; the server starts on first use. */
  synchronized URI address() throws Exception {
    listen();
    return address;
  }

  private void listen() throws Exception {
    if (server != null) {
      return;
    }
    QueuedThreadPool threads = new QueuedThreadPool(16, 2);
    threads.setName("lanes-websocket");
    threads.setDaemon(true);
    Server created = new Server(threads);
    ServerConnector connector = new ServerConnector(created, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    connector.setIdleTimeout(Duration.ofDays(1).toMillis());
    created.addConnector(connector);
    created.setHandler(WebSocketUpgradeHandler.from(created, container -> {
      container.setMaxTextMessageSize(MAX_MESSAGE);
      container.setIdleTimeout(Duration.ofDays(1)); // a test may run long in silence; a dead agent closes its socket
      container.addMapping(PATH, this::admit);
    }));
    created.start();
    server = created;
    address = new URI("ws", null, "127.0.0.1", connector.getLocalPort(), PATH, null, null);
    Runtime.getRuntime().addShutdownHook(reaper);
    if (options.connectFile() != null) {
      writeConnectFile();
    }
  }

  /** Admits a connection that shows this run's token; the others get 403 and no agent. */
  private Object admit(ServerUpgradeRequest request, ServerUpgradeResponse response,
                       org.eclipse.jetty.util.Callback callback) {
    String shown = request.getHeaders().get("Authorization");
    byte[] expected = ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
    if (shown == null || !MessageDigest.isEqual(expected, shown.getBytes(StandardCharsets.UTF_8))) {
      Response.writeError(request, response, callback, 403, "this run's token is required");
      return null;
    }
    String id = request.getHeaders().get(AGENT_HEADER);
    synchronized (this) {
      AgentProcess process = id == null ? null : started.get(id);
      if (id == null || process == null) {
        id = "external-" + (++nextId);
      }
      return new Agent(this, id, Optional.ofNullable(process));
    }
  }

  private void start(TestProject project) throws IOException {
    String id = String.valueOf(++nextId);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:-UsePerfData");
    command.addAll(options.agentJvmArgs());
    command.add("-cp");
    command.add(String.join(File.pathSeparator, AgentMain.classpath().stream().map(Path::toString).toList()));
    command.add(AgentMain.class.getName());
    command.add(address.toString());
    command.add(id);
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.root().toFile()).redirectErrorStream(true);
    builder.environment().put(AgentMain.TOKEN_ENV, token);
    builder.environment().put(AgentMain.STARTED_BY_POOL_ENV, "true");
    AgentProcess process = new AgentProcess(builder.start(), "lanes-websocket-agent-" + id);
    started.put(id, process);
    process.process().onExit().thenRun(() -> ended(id, process));
  }

  /**
   * A started agent ended. One that never connected fails the oldest waiting lease, with its last words; one
   * that did (a test ended it, or a forced stop) is replaced if workers are waiting for an agent.
   */
  private synchronized void ended(String id, AgentProcess process) {
    started.remove(id);
    if (closed || waiting.isEmpty()) {
      return;
    }
    if (process.hasConnected()) {
      try {
        start(lastProject);
      } catch (IOException | RuntimeException e) {
        logger.warn("[websocket] could not start an agent in place of the one that ended: " + e.getMessage());
      }
      return;
    }
    for (CompletableFuture<Agent> lease = waiting.poll(); lease != null; lease = waiting.poll()) {
      if (lease.completeExceptionally(new IllegalStateException("[websocket] the agent JVM ended with "
          + process.describeExit(1000) + " before it connected"))) {
        return;
      }
    }
  }

  private void killStarted() {
    List<AgentProcess> processes;
    synchronized (this) {
      processes = new ArrayList<>(started.values());
    }
    processes.forEach(AgentProcess::kill);
  }

  private void writeConnectFile() throws IOException {
    connectFile = Path.of(options.connectFile()).toAbsolutePath();
    Files.createDirectories(connectFile.getParent());
    Path partial = connectFile.resolveSibling(connectFile.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    try {
      Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (UnsupportedOperationException e) {
      Files.createFile(partial); // no POSIX permissions here
    }
    Files.writeString(partial, address + "\n" + token + "\n");
    Files.move(partial, connectFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    logger.info("[websocket] waiting for agents at " + address + "; start one with: java -cp <the pool jar"
        + File.pathSeparator + "lanes' runtime jar> " + AgentMain.class.getName() + " --connect-file " + connectFile);
  }

  private void deleteConnectFile() {
    if (connectFile != null) {
      try {
        Files.deleteIfExists(connectFile);
      } catch (IOException e) {
        logger.warn("[websocket] could not delete " + connectFile + ": " + e.getMessage());
      }
    }
  }

  private static String newToken() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
