package dev.lanes.examples.websocket;

import dev.lanes.runtime.ConsoleRouter;
import dev.lanes.runtime.WorkerMain;
import java.io.File;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

/**
 * An agent: a JVM that connects to the pool's WebSocket with the run's token and serves one lease after
 * another. Each lease ({@code start} … {@code stopped}) runs Lanes' worker runtime in a fresh class
 * loader over the project's class path, so files of one lease never see classes of another. The agent
 * ends itself when its connection closes.
 *
 * <pre>
 * java -cp &lt;this jar&gt;:&lt;lanes' runtime jar&gt; dev.lanes.examples.websocket.AgentMain --connect-file &lt;file&gt;
 * java -cp ... dev.lanes.examples.websocket.AgentMain ws://127.0.0.1:PORT/lanes/agents [agent id]  (token in LANES_AGENT_TOKEN)
 * </pre>
 *
 * <p>It uses the JDK's own WebSocket client: an agent needs nothing but this class and the runtime.
 */
public final class AgentMain {
  /** The environment variable holding the run's token (never on the command line, which {@code ps} shows). */
  public static final String TOKEN_ENV = "LANES_AGENT_TOKEN";
  /** Set for agents the pool starts: they leave Ctrl-C to the pool, which stops them. */
  static final String STARTED_BY_POOL_ENV = "LANES_AGENT_STARTED_BY_POOL";
  private static final int CONNECTION_FAILED = 70;

  private final String id;
  private final ConsoleRouter console;
  private final CountDownLatch closed = new CountDownLatch(1);
  private final StringBuilder partial = new StringBuilder();
  private volatile WebSocket socket;
  private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);
  private Consumer<String> lease;

  private AgentMain(String id, ConsoleRouter console) {
    this.id = id;
    this.console = console;
  }

  public static void main(String[] args) throws Exception {
    URI address;
    String token;
    String id;
    if (args.length == 2 && args[0].equals("--connect-file")) {
      List<String> lines = Files.readAllLines(Path.of(args[1]));
      if (lines.size() < 2) {
        System.err.println("[lanes agent] " + args[1] + " holds no address and token: is the run still going?");
        System.exit(64);
      }
      address = URI.create(lines.get(0).strip());
      token = lines.get(1).strip();
      id = null;
    } else if (args.length == 1 || args.length == 2) {
      address = URI.create(args[0]);
      token = System.getenv(TOKEN_ENV);
      id = args.length == 2 ? args[1] : null;
    } else {
      System.err.println("usage: AgentMain --connect-file <file> | AgentMain <ws address> [agent id] (token in "
          + TOKEN_ENV + ")");
      System.exit(64);
      return;
    }
    if (System.getenv(STARTED_BY_POOL_ENV) != null) {
      ignoreInterrupts();
    }
    AgentMain agent = new AgentMain(id == null ? "external" : id, ConsoleRouter.install());
    agent.connect(address, token == null ? "" : token, id);
    agent.closed.await();
    Runtime.getRuntime().halt(0);
  }

  private void connect(URI address, String token, String agentId) {
    WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .header("Authorization", "Bearer " + token);
    if (agentId != null) {
      builder.header(AgentServer.AGENT_HEADER, agentId);
    }
    try {
      builder.buildAsync(address, new Listener()).join();
    } catch (RuntimeException e) {
      System.err.println("[lanes agent] could not connect to " + address + ": " + e.getMessage());
      Runtime.getRuntime().halt(CONNECTION_FAILED);
    }
  }

  /** One whole message from the host: a lease frame opens a new lease; everything else goes to the current one. */
  private void received(String text) {
    if (text.startsWith(AgentWorker.LEASE)) {
      if (lease != null) {
        lease.accept(null); // the previous lease's loop ends; its class loader goes with it
      }
      String classpath = text.substring(AgentWorker.LEASE.length());
      try {
        lease = newLease(classpath);
      } catch (ReflectiveOperationException | MalformedURLException | RuntimeException e) {
        System.err.println("[lanes agent] could not start a worker for class path " + classpath + ": " + e);
        Runtime.getRuntime().halt(CONNECTION_FAILED);
      }
      return;
    }
    if (lease == null) {
      System.err.println("[lanes agent] a message before any start request was dropped: " + text);
      return;
    }
    lease.accept(text);
  }

  /** Lanes' worker runtime, loaded afresh with the project's class path: the worker of one lease. */
  @SuppressWarnings("unchecked")
  private Consumer<String> newLease(String classpath) throws ReflectiveOperationException, MalformedURLException {
    List<URL> urls = new ArrayList<>();
    for (String entry : classpath.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    for (Path entry : WorkerMain.classpath()) {
      urls.add(entry.toUri().toURL());
    }
    // unnamed: a named loader would prefix every frame of the tests' stack traces with its name
    URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
        ClassLoader.getPlatformClassLoader());
    try {
      return (Consumer<String>) loader.loadClass(WorkerMain.class.getName())
          .getMethod("inMemory", Consumer.class, ThreadLocal.class, String.class, long.class)
          .invoke(null, (Consumer<String>) this::send, console.sink(), "lanes-agent-" + id, 0L);
    } catch (InvocationTargetException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Sends one message to the host; the JDK's client takes one send at a time, so sends queue up. */
  private synchronized void send(String text) {
    sending = sending.thenCompose(ignored -> socket.sendText(text, true)).exceptionally(error -> {
      System.err.println("[lanes agent] the connection to the host failed: " + error);
      Runtime.getRuntime().halt(CONNECTION_FAILED); // nobody is left to report to
      return null;
    });
  }

  /** The agent's class path as the pool starts it: this class's jar (or folder) and Lanes' worker runtime. */
  static List<Path> classpath() {
    List<Path> entries = new ArrayList<>();
    CodeSource source = AgentMain.class.getProtectionDomain().getCodeSource();
    try {
      entries.add(Path.of(source.getLocation().toURI()));
    } catch (java.net.URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("cannot locate the jar of " + AgentMain.class.getName(), e);
    }
    entries.addAll(WorkerMain.classpath());
    return entries;
  }

  private static void ignoreInterrupts() {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
    } catch (IllegalArgumentException | LinkageError e) {
      // no such signal here
    }
  }

  private final class Listener implements WebSocket.Listener {
    @Override
    public void onOpen(WebSocket webSocket) {
      socket = webSocket;
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String text = partial.toString();
        partial.setLength(0);
        received(text);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closed.countDown(); // the run ended, or the host is gone: nothing left to do
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      System.err.println("[lanes agent] the connection to the host failed: " + error);
      Runtime.getRuntime().halt(CONNECTION_FAILED);
    }
  }
}
