package dev.lanes.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.spi.protocol.FileSpec;
import dev.lanes.spi.protocol.Message;
import dev.lanes.spi.protocol.RpcCall;
import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.WorkerRequest;
import dev.lanes.spi.protocol.WorkerResponse;
import dev.lanes.spi.protocol.WorkerSettings;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A cancel belongs to the request it came during: the next request (a watch rerun on a kept worker) runs whole. */
class WorkerLoopCancelTest {
  private final BlockingQueue<Message> posted = new LinkedBlockingQueue<>();

  @Test
  void aRequestAfterACancelRunsItsFiles() throws Exception {
    WorkerLoop loop = new WorkerLoop(posted::add, new ThreadLocal<>(), "lanes-cancel-test", 0,
        getClass().getClassLoader(), false, null);
    try {
      loop.accept(new WorkerRequest.Start(1, 1, "threads", "", false, WorkerSettings.defaults()));
      assertThat(next(WorkerResponse.Started.class).error()).isEmpty();
      loop.accept(new WorkerRequest.Run(List.of(FileSpec.of(Passing.class.getName(), "1"))));
      assertThat(next(WorkerResponse.TestFileFinished.class).error()).isEmpty();

      loop.accept(new WorkerRequest.Cancel("bail = 1")); // late: the request it was meant for had ended
      posted.clear();
      loop.accept(new WorkerRequest.Run(List.of(FileSpec.of(Passing.class.getName(), "2"))));
      next(WorkerResponse.TestFileFinished.class);

      assertThat(posted).as("the file of the new request was run, not skipped")
          .anySatisfy(message -> assertThat(message).isInstanceOfSatisfying(RpcCall.class, call -> {
            assertThat(call.method()).isEqualTo("onQueued");
            assertThat(((Task) call.args().get(0)).id()).isEqualTo("2");
          }));
    } finally {
      loop.accept(new WorkerRequest.Stop());
    }
  }

  private <T extends Message> T next(Class<T> type) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    List<Message> seen = new java.util.ArrayList<>();
    while (System.nanoTime() < deadline) {
      Message message = posted.poll(100, TimeUnit.MILLISECONDS);
      if (type.isInstance(message)) {
        posted.addAll(seen);
        return type.cast(message);
      }
      if (message != null) {
        seen.add(message);
      }
    }
    throw new AssertionError("no " + type.getSimpleName() + " within 20 s; got " + seen);
  }

  /** The file both requests run. */
  static class Passing {
    @org.junit.jupiter.api.Test
    void passes() {
    }
  }
}
