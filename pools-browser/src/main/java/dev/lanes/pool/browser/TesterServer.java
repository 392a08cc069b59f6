package dev.lanes.pool.browser;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;

/**
 * What the pages load and talk to, on {@code 127.0.0.1} with a random port: every path starts with this run's
 * token, so nothing on the machine that does not know it gets a byte. Under it: {@code __lanes/} (the tester page,
 * the runner, chai), {@code __lanes/rpc?session=…} (one page's WebSocket, only for a session the pool opened and
 * only once), and {@code <n>/…}, the files below the root of the n-th project, which is where test files and the
 * modules they import come from.
 */
final class TesterServer {
  static final String RPC = "__lanes/rpc";
  private static final long MAX_MESSAGE = 64L * 1024 * 1024;
  private static final Map<String, String> TYPES = Map.ofEntries(
      Map.entry("js", "text/javascript"), Map.entry("mjs", "text/javascript"), Map.entry("html", "text/html"),
      Map.entry("css", "text/css"), Map.entry("json", "application/json"), Map.entry("svg", "image/svg+xml"),
      Map.entry("png", "image/png"), Map.entry("jpg", "image/jpeg"), Map.entry("gif", "image/gif"),
      Map.entry("txt", "text/plain"), Map.entry("map", "application/json"), Map.entry("wasm", "application/wasm"));

  private final String token = newToken();
  private final List<Path> roots = new CopyOnWriteArrayList<>();
  private final Map<String, PageWorker> sessions = new ConcurrentHashMap<>();
  private Server server;
  private int port;

  synchronized void start() throws Exception {
    if (server != null) {
      return;
    }
    QueuedThreadPool threads = new QueuedThreadPool(32, 2);
    threads.setName("lanes-browser-server");
    threads.setDaemon(true);
    Server created = new Server(threads);
    ServerConnector connector = new ServerConnector(created, 1, 1);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    connector.setIdleTimeout(Duration.ofDays(1).toMillis()); // pages beat every second; a dead one is seen by that
    created.addConnector(connector);
    WebSocketUpgradeHandler sockets = WebSocketUpgradeHandler.from(created, container -> {
      container.setMaxTextMessageSize(MAX_MESSAGE);
      container.setIdleTimeout(Duration.ofDays(1));
      container.addMapping("/" + token + "/" + RPC, this::admit);
    });
    sockets.setHandler(new Files());
    created.setHandler(sockets);
    created.start();
    server = created;
    port = connector.getLocalPort();
  }

  /** The base of every URL; a request without it gets 403. */
  URI base() {
    return URI.create("http://127.0.0.1:" + port + "/" + token + "/");
  }

  /** The tester page for a page session of the project rooted at {@code root}. */
  URI testerUrl(String session, Path root) {
    return base().resolve("__lanes/tester.html?session=" + session + "&base=" + rootIndex(root) + "/");
  }

  /** The WebSocket address, for tests of the server itself. */
  URI rpcUrl(String session) {
    return URI.create("ws://127.0.0.1:" + port + "/" + token + "/" + RPC + "?session=" + session);
  }

  synchronized int rootIndex(Path root) {
    Path normal = root.toAbsolutePath().normalize();
    int index = roots.indexOf(normal);
    if (index < 0) {
      roots.add(normal);
      index = roots.size() - 1;
    }
    return index;
  }

  /** Expects a page of {@code worker} to connect with {@code session}. */
  void expect(String session, PageWorker worker) {
    sessions.put(session, worker);
  }

  void forget(String session) {
    sessions.remove(session);
  }

  void stop() {
    Server running;
    synchronized (this) {
      running = server;
      server = null;
    }
    if (running != null) {
      try {
        running.stop();
      } catch (Exception ignored) {
        // stopping a server whose connections are gone already
      }
    }
  }

  /** Admits a page that connects with the session the pool opened it for, once; anyone else gets 403. */
  private Object admit(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
    String session = org.eclipse.jetty.server.Request.extractQueryParameters(request).getValue("session");
    PageWorker worker = session == null ? null : sessions.remove(session);
    if (worker == null) {
      Response.writeError(request, response, callback, 403, "unknown or used page session");
      return null;
    }
    return new PageConnection(worker);
  }

  private static String newToken() {
    byte[] bytes = new byte[16];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The tester's own files and the projects' files; everything else is 403 (no token) or 404. */
  private final class Files extends Handler.Abstract {
    @Override
    public boolean handle(Request request, Response response, Callback callback) {
      String path = Request.getPathInContext(request);
      String prefix = "/" + token + "/";
      if (!path.startsWith(prefix)) {
        Response.writeError(request, response, callback, 403, "this run's token is required");
        return true;
      }
      String rest = path.substring(prefix.length());
      try {
        byte[] body = rest.startsWith("__lanes/") ? tester(rest.substring("__lanes/".length())) : projectFile(rest);
        if (body == null) {
          Response.writeError(request, response, callback, 404, "no such file: " + rest);
          return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type(rest));
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
      } catch (IOException e) {
        Response.writeError(request, response, callback, 500, e.getMessage());
      }
      return true;
    }

    private byte[] tester(String name) throws IOException {
      if (!name.matches("[a-z.]+\\.(html|js)")) {
        return null;
      }
      try (InputStream in = TesterServer.class.getResourceAsStream("tester/" + name)) {
        return in == null ? null : in.readAllBytes();
      }
    }

    private byte[] projectFile(String rest) throws IOException {
      int slash = rest.indexOf('/');
      if (slash < 1 || !rest.substring(0, slash).chars().allMatch(Character::isDigit)) {
        return null;
      }
      int index = Integer.parseInt(rest.substring(0, slash));
      if (index >= roots.size()) {
        return null;
      }
      Path root = roots.get(index);
      String relative = java.net.URLDecoder.decode(rest.substring(slash + 1), StandardCharsets.UTF_8);
      Path file = root.resolve(relative).normalize();
      if (!file.startsWith(root) || !java.nio.file.Files.isRegularFile(file)) {
        return null;
      }
      return java.nio.file.Files.readAllBytes(file);
    }

    private String type(String path) {
      String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
      String type = TYPES.getOrDefault(extension, "application/octet-stream");
      return type.startsWith("text/") || type.equals("application/json") ? type + "; charset=utf-8" : type;
    }
  }
}
