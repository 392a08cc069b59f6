package dev.lanes.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.spi.protocol.MessageChannel;
import dev.lanes.spi.protocol.Rpc;
import dev.lanes.spi.protocol.RunnerRpc;
import dev.lanes.spi.protocol.RuntimeRpc;
import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskEventPack;
import dev.lanes.spi.protocol.TaskResultPack;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.UserConsoleLog;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The RPC over a text channel with the JSON codec, as every transport carries it. */
class RpcOverChannelTest {
  /** One end of an in-memory text pipe; the other end's handler gets what this end posts. */
  private static final class End implements MessageChannel {
    End other;
    volatile Consumer<String> handler = text -> { };
    final List<String> sent = new CopyOnWriteArrayList<>();

    @Override
    public void post(String text) {
      sent.add(text);
      other.handler.accept(text);
    }

    @Override
    public void onMessage(Consumer<String> handler) {
      this.handler = handler;
    }
  }

  private static final class Host implements RuntimeRpc {
    final List<String> logs = new CopyOnWriteArrayList<>();

    @Override
    public void onQueued(Task file) {
    }

    @Override
    public void onCollected(List<Task> files) {
    }

    @Override
    public void onTaskRegistered(String parentId, Task task) {
    }

    @Override
    public void onTaskUpdate(List<TaskResultPack> packs, List<TaskEventPack> events) {
    }

    @Override
    public void onUserConsoleLog(UserConsoleLog log) {
      logs.add(log.content());
    }

    @Override
    public void onUnhandledError(TestError error, String type) {
    }

    @Override
    public void onCancel(String reason) {
    }

    @Override
    public CompletionStage<Integer> getCountOfFailedTests() {
      return CompletableFuture.completedFuture(3);
    }
  }

  @Test
  void eventsAndCallsCrossAsJson() throws Exception {
    End hostEnd = new End();
    End workerEnd = new End();
    hostEnd.other = workerEnd;
    workerEnd.other = hostEnd;
    Host host = new Host();
    Rpc<RunnerRpc> hostRpc = Rpc.create(host, RunnerRpc.class, hostEnd, JsonCodec.forProtocol());
    RunnerRpc runner = () -> java.util.concurrent.CompletableFuture.completedFuture("\"worker\" state=RUNNABLE");
    Rpc<RuntimeRpc> worker = Rpc.create(runner, RuntimeRpc.class, workerEnd, JsonCodec.forProtocol());

    worker.remote().onUserConsoleLog(new UserConsoleLog("hello\n", UserConsoleLog.ConsoleStream.STDOUT, Optional.of("1_0"), 5));
    int failed = worker.remote().getCountOfFailedTests().toCompletableFuture().get(1, TimeUnit.SECONDS);

    assertThat(host.logs).containsExactly("hello\n");
    assertThat(failed).isEqualTo(3);
    assertThat(workerEnd.sent).allSatisfy(text -> assertThat(text).startsWith("{\"type\":\"call\""));
    assertThat(hostEnd.sent).singleElement().asString().contains("\"type\":\"reply\"").contains("\"result\":3");
    assertThat(hostRpc.remote().threadDump().toCompletableFuture().get(1, TimeUnit.SECONDS))
        .isEqualTo("\"worker\" state=RUNNABLE");
  }
}
