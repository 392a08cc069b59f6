package dev.lanes.bench;

import dev.lanes.runtime.codec.JsonCodec;
import dev.lanes.runtime.fork.FramedChannel;
import dev.lanes.spi.protocol.Codec;
import dev.lanes.spi.protocol.Message;
import dev.lanes.spi.protocol.RpcCall;
import dev.lanes.spi.protocol.TaskEvent;
import dev.lanes.spi.protocol.TaskEventPack;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskResultPack;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Task updates through the forks pool's channel, end to end: the worker's side encodes an
 * {@code onTaskUpdate} call with the protocol codec and writes it as a frame to a Unix-domain socket;
 * the host's side reads each frame on its own thread and decodes it, as the host does. The score is
 * task updates per second (one update = one task's result and event), counted where they are decoded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ChannelBenchmark {
  private static final int MESSAGES_PER_INVOCATION = 1000;

  /** Updates per message: 1 = every update sent alone (no throttling); 10 = what a 100 ms throttle batches. */
  @Param({"1", "10"})
  int updatesPerMessage;

  private final Codec codec = JsonCodec.forProtocol();
  private final AtomicLong decoded = new AtomicLong();
  private Path folder;
  private FramedChannel worker;
  private FramedChannel host;
  private Thread reader;
  private RpcCall message;

  @Setup(Level.Trial)
  public void connect() throws IOException {
    folder = Files.createTempDirectory("lanes-jmh");
    Path socket = folder.resolve("s");
    try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
      server.bind(UnixDomainSocketAddress.of(socket));
      worker = FramedChannel.connect("unix:" + socket);
      host = new FramedChannel(server.accept());
    }
    List<TaskResultPack> packs = new ArrayList<>();
    List<TaskEventPack> events = new ArrayList<>();
    for (int i = 0; i < updatesPerMessage; i++) {
      String id = "-1008241312_0_" + i;
      packs.add(new TaskResultPack(id, TaskResult.passed(3)));
      events.add(new TaskEventPack(id, TaskEvent.TEST_FINISHED));
    }
    message = new RpcCall(0, "onTaskUpdate", List.of(packs, events));
    reader = new Thread(() -> {
      try {
        for (String text = host.read(); text != null; text = host.read()) {
          Message received = codec.decode(text);
          List<?> updates = (List<?>) ((RpcCall) received).args().get(0);
          decoded.addAndGet(updates.size());
        }
      } catch (IOException e) {
        // closed at tear-down
      }
    }, "host-reader");
    reader.start();
  }

  /** Sends a burst of messages and waits until the host decoded every update in it. */
  @Benchmark
  @OperationsPerInvocation(MESSAGES_PER_INVOCATION)
  public long sendAndDecode() throws IOException {
    long target = decoded.get() + (long) MESSAGES_PER_INVOCATION * updatesPerMessage;
    for (int i = 0; i < MESSAGES_PER_INVOCATION; i++) {
      worker.post(codec.encode(message));
    }
    while (decoded.get() < target) {
      Thread.onSpinWait();
    }
    return target;
  }

  @TearDown(Level.Trial)
  public void close() throws Exception {
    worker.close();
    reader.join(5_000);
    host.close();
    Files.deleteIfExists(folder.resolve("s"));
    Files.deleteIfExists(folder);
  }
}
