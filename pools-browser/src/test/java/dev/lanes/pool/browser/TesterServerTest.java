package dev.lanes.pool.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lanes.spi.TestProject;
import dev.lanes.spi.WorkerOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tester server admits only what shows the run's token, and a page only with the session it was opened for. */
class TesterServerTest {
  private final HttpClient client = HttpClient.newHttpClient();
  private final TesterServer server = new TesterServer();
  @TempDir
  Path root;

  @BeforeEach
  void start() throws Exception {
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void aWebSocketWithoutTheTokenIsRefused() throws Exception {
    String session = "s1";
    server.expect(session, worker());
    URI withToken = server.rpcUrl(session);
    URI withoutToken = URI.create("ws://127.0.0.1:" + withToken.getPort() + "/" + TesterServer.RPC + "?session=" + session);
    URI wrongToken = URI.create(withToken.toString().replace(withToken.getPath().split("/")[1], "0".repeat(32)));

    assertThat(refusal(withoutToken)).isEqualTo(403);
    assertThat(refusal(wrongToken)).isEqualTo(403);
  }

  @Test
  void aWebSocketWithTheTokenButAnUnknownOrUsedSessionIsRefused() throws Exception {
    server.expect("s2", worker());
    assertThat(refusal(server.rpcUrl("nobody"))).isEqualTo(403);

    WebSocket first = client.newWebSocketBuilder().buildAsync(server.rpcUrl("s2"), new WebSocket.Listener() {})
        .get(10, TimeUnit.SECONDS);
    assertThat(refusal(server.rpcUrl("s2"))).as("a session connects once").isEqualTo(403);
    first.abort();
  }

  @Test
  void filesAreServedOnlyUnderTheTokenAndOnlyFromTheProjectRoot() throws Exception {
    Files.writeString(root.resolve("a.js"), "export const a = 1;");
    Files.writeString(root.getParent().resolve("secret-" + root.getFileName() + ".txt"), "secret");
    int index = server.rootIndex(root);
    URI base = server.base();

    HttpResponse<String> file = get(base.resolve(index + "/a.js"));
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
    assertThat(file.body()).isEqualTo("export const a = 1;");
    assertThat(get(base.resolve("__lanes/runner.js")).statusCode()).isEqualTo(200);

    assertThat(get(URI.create("http://127.0.0.1:" + base.getPort() + "/" + index + "/a.js")).statusCode()).isEqualTo(403);
    assertThat(get(URI.create(base.toString() + index + "/%2e%2e/secret-" + root.getFileName() + ".txt")).statusCode())
        .as("a file beside the project root").isIn(400, 404);
    assertThat(get(base.resolve("__lanes/../../etc/passwd")).statusCode()).isIn(400, 403, 404);
    assertThat(get(base.resolve("7/a.js")).statusCode()).isEqualTo(404);
  }

  private PageWorker worker() {
    TestProject project = TestProject.builder("", root, "browser").testTimeout(Duration.ofSeconds(5))
        .teardownTimeout(Duration.ofSeconds(5)).build();
    return new PageWorker(new WorkerOptions("browser", project, true, 1), null);
  }

  private int refusal(URI uri) {
    Throwable error = org.assertj.core.api.Assertions.catchThrowable(() ->
        client.newWebSocketBuilder().buildAsync(uri, new WebSocket.Listener() {}).join());
    assertThat(error).isInstanceOf(CompletionException.class).hasCauseInstanceOf(WebSocketHandshakeException.class);
    return ((WebSocketHandshakeException) error.getCause()).getResponse().statusCode();
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return client.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }
}
