package dev.lanes.examples.websocket;

import static dev.lanes.testkit.FileConditions.crashed;
import static dev.lanes.testkit.FileConditions.exitCode;
import static dev.lanes.testkit.FileConditions.passed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lanes.testkit.PoolRun;
import dev.lanes.testkit.PoolTestKit;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebSocketPoolIT {
  @TempDir
  Path temp;

  private final List<Process> agents = new ArrayList<>();

  @AfterEach
  void endTheAgentsStartedHere() {
    agents.forEach(Process::destroyForcibly);
  }

  @Test
  void filesRunInTwoAgentProcessesThatConnectBack() {
    PoolRun run = Fixtures.on(PoolTestKit.provider(new WebSocketPoolProvider()), Fixtures.PASSING)
        .option("poolOptions.websocket.agents", 2)
        .run();

    assertThat(run.files()).hasSize(4).allMatch(passed()::matches);
    assertThat(run.orderViolations()).isEmpty();
    assertThat(Fixtures.agentPids(run.console())).as("the agents that ran the files").hasSize(2)
        .doesNotContain(ProcessHandle.current().pid());
  }

  @Test
  void aTestThatEndsItsAgentCrashesOnlyItsFile() {
    PoolRun run = Fixtures.on(PoolTestKit.provider(new WebSocketPoolProvider()), Fixtures.EXITING)
        .include(Fixtures.EXITING, "**/FirstFixture.class", "**/SecondFixture.class")
        .option("maxWorkers", 1)
        .run();

    assertThat(run.file("dev.lanes.examples.websocket.fixtures.crash.ExitingFixture")).is(crashed(exitCode(3)));
    assertThat(run.file("dev.lanes.examples.websocket.fixtures.FirstFixture")).is(passed());
    assertThat(run.file("dev.lanes.examples.websocket.fixtures.SecondFixture")).is(passed());
    assertThat(run.exitCode()).isEqualTo(1);
  }

  @Test
  void agentsStartedOutsideThePoolConnectWithTheConnectFile() throws Exception {
    Path connectFile = temp.resolve("agents.conn");
    CompletableFuture<PoolRun> running = CompletableFuture.supplyAsync(() ->
        Fixtures.on(PoolTestKit.provider(new WebSocketPoolProvider()), Fixtures.PASSING)
            .option("poolOptions.websocket.agents", 0)
            .option("poolOptions.websocket.connectFile", connectFile.toString())
            .run());
    awaitFile(connectFile, running);
    assertThat(Files.getPosixFilePermissions(connectFile)).as("only its owner reads the token")
        .extracting(Object::toString).containsOnly("OWNER_READ", "OWNER_WRITE");

    Set<Long> started = Set.of(startAgent(connectFile), startAgent(connectFile));
    PoolRun run = running.get(120, TimeUnit.SECONDS);

    assertThat(run.files()).hasSize(4).allMatch(passed()::matches);
    assertThat(Fixtures.agentPids(run.console())).isEqualTo(started);
    for (Process agent : agents) {
      assertThat(agent.waitFor(10, TimeUnit.SECONDS)).as("an agent ends when the run closes its connection").isTrue();
    }
    assertThat(connectFile).as("the token is gone with the run").doesNotExist();
  }

  @Test
  void aConnectionWithoutTheRunsTokenIsRefused() throws Exception {
    AgentServer server = new AgentServer(new WebSocketOptions(1, List.of(), null), Loggers.SILENT);
    try {
      URI address = server.address();
      assertThat(address.getHost()).isEqualTo("127.0.0.1");

      CompletableFuture<WebSocket> connecting = HttpClient.newHttpClient().newWebSocketBuilder()
          .header("Authorization", "Bearer not-the-token")
          .buildAsync(address, new WebSocket.Listener() { });

      assertThat(connecting).failsWithin(Duration.ofSeconds(10));
      assertThat(handshakeFailure(connecting).getResponse().statusCode()).isEqualTo(403);
    } finally {
      server.close();
    }
  }

  @Test
  void aBadOptionIsAConfigurationErrorThatSaysWhy() {
    PoolTestKit kit = Fixtures.on(PoolTestKit.provider(new WebSocketPoolProvider()), Fixtures.PASSING)
        .option("poolOptions.websocket.agents", 0);

    assertThatThrownBy(kit::run).hasMessageContaining("poolOptions.websocket.agents = 0: agents = 0 needs connectFile");
  }

  private long startAgent(Path connectFile) throws Exception {
    String classpath = AgentMain.classpath().stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator));
    Process agent = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", classpath, AgentMain.class.getName(), "--connect-file", connectFile.toString())
        .redirectErrorStream(true).redirectOutput(temp.resolve("agent-" + agents.size() + ".log").toFile()).start();
    agents.add(agent);
    return agent.pid();
  }

  private static void awaitFile(Path file, CompletableFuture<PoolRun> running) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.exists(file)) {
      assertThat(running).as("the run, waiting for agents").isNotDone();
      assertThat(System.nanoTime()).as("the connect file appeared").isLessThan(deadline);
      Thread.sleep(50);
    }
  }

  private static WebSocketHandshakeException handshakeFailure(CompletableFuture<?> future) {
    for (Throwable cause = future.handle((value, error) -> error).join(); cause != null; cause = cause.getCause()) {
      if (cause instanceof WebSocketHandshakeException refused) {
        return refused;
      }
    }
    throw new AssertionError("the connection failed, but not in its handshake");
  }
}
