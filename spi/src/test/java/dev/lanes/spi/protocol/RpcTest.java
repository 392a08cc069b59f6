package dev.lanes.spi.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RpcTest {
  interface Calculator {
    CompletionStage<Integer> add(int a, int b);

    void note(String text);
  }

  /** A side that exposes no remote methods. */
  interface Silent {
  }

  static final class LocalCalculator implements Calculator {
    final List<String> notes = new ArrayList<>();

    @Override
    public CompletionStage<Integer> add(int a, int b) {
      if (a < 0) {
        throw new IllegalArgumentException("negative: " + a);
      }
      return CompletableFuture.completedFuture(a + b);
    }

    @Override
    public void note(String text) {
      notes.add(text);
    }
  }

  /** Two endpoints wired back to back, as two sides of a channel. */
  private static final class Pair {
    final LocalCalculator server = new LocalCalculator();
    final List<Message> sent = new ArrayList<>();
    Rpc<Calculator> client;
    Rpc<Silent> serverSide;

    Pair() {
      serverSide = Rpc.create(server, Silent.class, message -> client.accept(message));
      client = Rpc.create(new Object(), Calculator.class, message -> {
        sent.add(message);
        serverSide.accept(message);
      });
    }
  }

  @Test
  void callsGetRepliesAndEventsDoNot() throws Exception {
    Pair pair = new Pair();

    assertThat(pair.client.remote().add(2, 3).toCompletableFuture().get(1, TimeUnit.SECONDS)).isEqualTo(5);
    pair.client.remote().note("hello");

    assertThat(pair.server.notes).containsExactly("hello");
    assertThat(pair.sent).hasSize(2);
    assertThat(((RpcCall) pair.sent.get(0)).isEvent()).isFalse();
    assertThat(((RpcCall) pair.sent.get(1)).isEvent()).isTrue();
    assertThat(pair.client.pendingCalls()).isZero();
  }

  @Test
  void aThrowingMethodRejectsTheCallWithTheRemoteError() {
    Pair pair = new Pair();

    CompletableFuture<Integer> result = pair.client.remote().add(-1, 3).toCompletableFuture();

    assertThatThrownBy(() -> result.get(1, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(RpcException.class)
        .hasMessageContaining("negative: -1");
  }

  @Test
  void closingRejectsPendingAndLaterCalls() {
    List<Message> lost = new ArrayList<>();
    Rpc<Calculator> rpc = Rpc.create(new Object(), Calculator.class, lost::add);
    CompletableFuture<Integer> pending = rpc.remote().add(1, 1).toCompletableFuture();

    rpc.close("worker exited");

    assertThat(pending).isCompletedExceptionally();
    assertThatThrownBy(pending::join).hasMessageContaining("worker exited");
    assertThat(rpc.remote().add(1, 2).toCompletableFuture()).isCompletedExceptionally();
    assertThat(lost).hasSize(1);
  }

  @Test
  void anUnknownMethodIsAnsweredWithAnErrorNotSilence() {
    List<Message> replies = new ArrayList<>();
    Rpc<Silent> rpc = Rpc.create(new LocalCalculator(), Silent.class, replies::add);

    assertThat(rpc.accept(new RpcCall(7, "divide", List.of(1, 0)))).isTrue();

    assertThat(replies).singleElement().isInstanceOfSatisfying(RpcReply.class, reply -> {
      assertThat(reply.id()).isEqualTo(7);
      assertThat(reply.error()).get().extracting(TestError::message).asString()
          .contains("unknown method 'divide'").contains("add").contains("note");
    });
  }

  @Test
  void controlMessagesAreNotTakenAsRpcFrames() {
    Rpc<Silent> rpc = Rpc.create(new LocalCalculator(), Silent.class, message -> { });

    assertThat(rpc.accept(new WorkerRequest.Stop())).isFalse();
  }

  @Test
  void remoteMethodsMustBeEventsOrCalls() {
    interface Blocking {
      int add(int a, int b);
    }

    assertThatThrownBy(() -> Rpc.create(new Object(), Blocking.class, message -> { }))
        .hasMessageContaining("must return void (an event) or a CompletionStage (a call)");
  }
}
