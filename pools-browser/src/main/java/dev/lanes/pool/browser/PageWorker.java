package dev.lanes.pool.browser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanes.pool.browser.provider.BrowserPage;
import dev.lanes.runtime.codec.JsonCodec;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.WorkerExit;
import dev.lanes.spi.WorkerOptions;
import dev.lanes.spi.protocol.Codec;
import dev.lanes.spi.protocol.Message;
import dev.lanes.spi.support.AbstractPoolWorker;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A worker that is a page: it opens the tester page through the provider, and once the page connects, carries the
 * protocol's messages over the page's WebSocket in the codec every transport uses. Two frames are the transport's
 * own and never reach the scheduler: the page's heartbeat, every second, and a test's {@code commands} (navigate
 * the page, say), run by the provider. A page silent for {@code heartbeatTimeout} — a test blocking its main
 * thread — or whose connection drops — it crashed — ends this worker, which fails its file with the reason.
 */
final class PageWorker extends AbstractPoolWorker {
  private static final Codec CODEC = JsonCodec.forProtocol();
  private static final String TRANSPORT = "{\"lanes\":";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final WorkerOptions options;
  private final Browsers browsers;
  private final String session = UUID.randomUUID().toString();
  private final CompletableFuture<Void> connected = new CompletableFuture<>();
  private volatile PageConnection connection;
  private volatile BrowserPage page;
  private volatile long lastHeard = System.nanoTime();
  private volatile boolean stopping;
  private volatile boolean exited;
  private ScheduledFuture<?> watchdog;

  PageWorker(WorkerOptions options, Browsers browsers) {
    this.options = options;
    this.browsers = browsers;
  }

  @Override
  public String name() {
    return options.pool();
  }

  @Override
  public CompletionStage<Void> start() {
    Duration connectTimeout = Duration.ofMillis(browsers.options().connectTimeout());
    return CompletableFuture.runAsync(() -> {
      try {
        TesterServer server = browsers.server();
        server.expect(session, this);
        page = browsers.openPage(server.testerUrl(session, options.project().root()).toString(), options.isolate());
        connected.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        throw new IllegalStateException("the page did not load the tester and connect within "
            + connectTimeout.toMillis() + "ms (poolOptions.browser.connectTimeout)" + browsers.lastOutput());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while opening a page");
      } catch (Exception e) {
        Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
        throw new IllegalStateException(cause.getMessage(), cause);
      }
    }, browsers.executor()).whenComplete((ok, failure) -> {
      if (failure != null) {
        stop();
      } else {
        lastHeard = System.nanoTime();
        watchdog = browsers.scheduler().scheduleWithFixedDelay(this::checkHeartbeat, 500, 500, TimeUnit.MILLISECONDS);
      }
    });
  }

  @Override
  public CompletionStage<Void> stop() {
    stopping = true;
    if (watchdog != null) {
      watchdog.cancel(false);
    }
    browsers.forget(session);
    connected.completeExceptionally(new IllegalStateException("the worker stopped"));
    PageConnection current = connection;
    if (current != null) {
      current.close();
    }
    BrowserPage opened = page;
    if (opened != null) {
      return CompletableFuture.runAsync(opened::close, browsers.executor());
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void send(Message message) {
    PageConnection current = connection;
    if (current != null) {
      current.send(CODEC.encode(message));
    }
  }

  @Override
  public boolean canReuse(TestSpecification next) {
    return !exited && connection != null && next.project().root().equals(options.project().root());
  }

  void connected(PageConnection opened) {
    connection = opened;
    lastHeard = System.nanoTime();
    connected.complete(null);
  }

  void received(String text) {
    lastHeard = System.nanoTime();
    if (text.startsWith(TRANSPORT)) {
      transport(text);
      return;
    }
    received(text, CODEC);
  }

  void disconnected(String why) {
    if (stopping) {
      return;
    }
    exit(why + (browsers.isBrowserAlive() ? ": the page crashed, or a test navigated it away or closed it"
        : ": the browser is gone" + browsers.lastOutput()));
  }

  /** A heartbeat, or a test's command: {@code {"lanes":"command","id":1,"name":"navigate","args":["url"]}}. */
  private void transport(String text) {
    JsonNode frame;
    try {
      frame = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      listeners.error(new IllegalArgumentException("the page sent a malformed frame: " + e.getOriginalMessage()));
      return;
    }
    String kind = frame.path("lanes").asText();
    if (kind.equals("beat")) {
      return;
    }
    if (!kind.equals("command")) {
      listeners.error(new IllegalArgumentException("the page sent a frame this pool does not know: '" + kind + "'"));
      return;
    }
    long id = frame.path("id").asLong();
    String name = frame.path("name").asText();
    JsonNode args = frame.path("args");
    CompletableFuture.runAsync(() -> {
      ObjectNode reply = JSON.createObjectNode().put("lanes", "commandResult").put("id", id);
      try {
        if (!name.equals("navigate") || !args.path(0).isTextual()) {
          throw new IllegalArgumentException("unknown command " + name + "(" + args + "); commands: navigate(url)");
        }
        page.navigate(args.path(0).asText());
        reply.putNull("error");
      } catch (Exception e) {
        reply.put("error", e.getMessage() == null ? e.toString() : e.getMessage());
      }
      PageConnection current = connection;
      if (current != null) {
        current.send(reply.toString());
      }
    }, browsers.executor());
  }

  private void checkHeartbeat() {
    long silent = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastHeard);
    if (!stopping && silent > browsers.options().heartbeatTimeout()) {
      exit("the page stopped answering: nothing for " + silent / 1000.0 + "s, not even its heartbeat, longer than "
          + "poolOptions.browser.heartbeatTimeout (" + browsers.options().heartbeatTimeout() + "ms); a test may be "
          + "blocking the page's main thread. The page was closed");
      stop();
    }
  }

  private synchronized void exit(String description) {
    if (exited) {
      return;
    }
    exited = true;
    if (watchdog != null) {
      watchdog.cancel(false);
    }
    listeners.exit(new WorkerExit(OptionalInt.empty(), description));
  }
}
