package dev.lanes.pool.browser.chromium;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Chrome DevTools Protocol client over the JDK's WebSocket: commands with replies, nothing more. The JDK's
 * client sends no {@code Origin}, so Chromium takes it without {@code --remote-allow-origins}.
 */
final class Cdp implements WebSocket.Listener {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final StringBuilder partial = new StringBuilder();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private WebSocket socket;

  static Cdp connect(URI address, Duration timeout) throws Exception {
    Cdp cdp = new Cdp();
    cdp.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(timeout)
        .buildAsync(address, cdp).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    return cdp;
  }

  /** Sends a command ({@code sessionId} null for the browser's own) and waits for its reply. */
  JsonNode call(String method, Map<String, Object> params, String sessionId, Duration timeout) throws IOException {
    CompletableFuture<JsonNode> reply = send(method, params, sessionId);
    try {
      return reply.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IOException(method + ": " + e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IOException(method + ": no reply from the browser within " + timeout.toMillis() + "ms");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(method + ": interrupted");
    }
  }

  /** Sends a command; the future completes with its result. */
  CompletableFuture<JsonNode> send(String method, Map<String, Object> params, String sessionId) {
    long id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    if (sessionId != null) {
      message.put("sessionId", sessionId);
    }
    CompletableFuture<JsonNode> reply = new CompletableFuture<>();
    if (closed.isDone()) {
      return CompletableFuture.failedFuture(new IOException("the browser's DevTools connection is closed"));
    }
    pending.put(id, reply);
    synchronized (this) { // one frame at a time: the JDK's WebSocket refuses a send while another is in flight
      socket.sendText(message.toString(), true).join();
    }
    return reply;
  }

  boolean isOpen() {
    return !closed.isDone();
  }

  void close() {
    if (socket != null && !closed.isDone()) {
      socket.abort();
    }
    onGone("closed");
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String text = partial.toString();
      partial.setLength(0);
      try {
        JsonNode message = JSON.readTree(text);
        if (message.has("id")) {
          CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asLong());
          if (reply != null) {
            if (message.has("error")) {
              reply.completeExceptionally(new IOException(message.get("error").path("message").asText()));
            } else {
              reply.complete(message.path("result"));
            }
          }
        }
      } catch (IOException e) {
        // not JSON: nothing Chromium sends; ignore rather than stop listening
      }
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    onGone("the browser closed its DevTools connection");
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    onGone("the DevTools connection failed: " + error);
  }

  private void onGone(String why) {
    closed.complete(null);
    IOException gone = new IOException(why);
    pending.values().forEach(reply -> reply.completeExceptionally(gone));
    pending.clear();
  }
}
