package dev.lanes.pool.browser.chromium;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanes.pool.browser.provider.Reaper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Chrome DevTools Protocol client over Chromium's {@code --remote-debugging-pipe}: commands with replies, nothing
 * more. Each message is JSON ended by a NUL byte; the pipe is the browser's own descriptors 3 and 4, so unlike
 * {@code --remote-debugging-port} there is nothing that another local user could connect to.
 */
final class Cdp {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final Reaper.Pipe pipe;

  private Cdp(Reaper.Pipe pipe) {
    this.pipe = pipe;
  }

  /** A client over {@code pipe}, reading the browser's messages on a thread of its own until the pipe closes. */
  static Cdp over(Reaper.Pipe pipe) {
    Cdp cdp = new Cdp(pipe);
    Thread reader = new Thread(cdp::read, "lanes-chromium-devtools");
    reader.setDaemon(true);
    reader.start();
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
      return CompletableFuture.failedFuture(new IOException("the browser's DevTools pipe is closed"));
    }
    pending.put(id, reply);
    byte[] bytes = message.toString().getBytes(StandardCharsets.UTF_8);
    synchronized (pipe) { // one message at a time
      try {
        pipe.toCommand().write(bytes);
        pipe.toCommand().write(0);
        pipe.toCommand().flush();
      } catch (IOException e) {
        onGone("the browser's DevTools pipe is closed: " + e.getMessage());
      }
    }
    return reply;
  }

  boolean isOpen() {
    return !closed.isDone();
  }

  void close() {
    pipe.close();
    onGone("closed");
  }

  /** Reads messages until the pipe ends: replies complete their commands; events are not asked for here. */
  private void read() {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    try (InputStream in = new BufferedInputStream(pipe.fromCommand())) {
      for (int b = in.read(); b >= 0; b = in.read()) {
        if (b != 0) {
          message.write(b);
          continue;
        }
        dispatch(message.toString(StandardCharsets.UTF_8));
        message.reset();
      }
    } catch (IOException e) {
      // the pipe broke: the same as its end
    }
    onGone("the browser closed its DevTools pipe");
  }

  private void dispatch(String text) {
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

  private void onGone(String why) {
    closed.complete(null);
    IOException gone = new IOException(why);
    pending.values().forEach(reply -> reply.completeExceptionally(gone));
    pending.clear();
  }
}
