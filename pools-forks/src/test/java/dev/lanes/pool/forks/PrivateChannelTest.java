package dev.lanes.pool.forks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.runtime.fork.FramedChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PrivateChannelTest {
  @Test
  void aConnectionWithoutTheTokenIsRefusedAndTheWorkerWithItGetsThrough() throws Exception {
    try (PrivateChannel channel = PrivateChannel.open()) {
      assertThat(channel.address()).startsWith("unix:");
      Path folder = Path.of(channel.address().substring("unix:".length())).getParent();
      assertThat(Files.getPosixFilePermissions(folder)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
          PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE);
      CompletableFuture<FramedChannel> accepted = CompletableFuture.supplyAsync(() -> {
        try {
          return channel.accept();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });

      FramedChannel stranger = FramedChannel.connect(channel.address());
      stranger.post("not-the-token");
      assertThat(stranger.read()).as("the stranger's connection is closed").isNull();
      assertThat(accepted).isNotDone();

      FramedChannel worker = FramedChannel.connect(channel.address());
      worker.post(channel.token());
      FramedChannel host = accepted.get(5, TimeUnit.SECONDS);
      host.post("hello");
      assertThat(worker.read()).isEqualTo("hello");
      assertThat(folder).as("the folder goes once the worker is in").doesNotExist();
      worker.close();
      assertThat(host.read()).as("the other side closed").isNull();
      host.close();
    }
  }

  @Test
  void aStrangerThatConnectsFirstAndSaysNothingCannotKeepTheWorkerOutAndIsCounted() throws Exception {
    try (PrivateChannel channel = PrivateChannel.open()) {
      CompletableFuture<FramedChannel> accepted = CompletableFuture.supplyAsync(() -> {
        try {
          return channel.accept();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      FramedChannel stranger = FramedChannel.connect(channel.address()); // connects, and never sends a token
      Thread.sleep(200);

      FramedChannel worker = FramedChannel.connect(channel.address());
      worker.post(channel.token());

      FramedChannel host = accepted.get(PrivateChannel.TOKEN_MILLIS + 5_000, TimeUnit.MILLISECONDS);
      assertThat(channel.rejected()).as("connections that did not send the token").isEqualTo(1);
      assertThat(stranger.read()).as("the stranger's connection is closed").isNull();
      host.close();
      worker.close();
      stranger.close();
    }
  }
}
