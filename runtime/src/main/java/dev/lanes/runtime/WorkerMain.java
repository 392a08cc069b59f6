package dev.lanes.runtime;

import dev.lanes.runtime.codec.JsonCodec;
import dev.lanes.spi.protocol.Codec;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Entry points of a worker. Hosts in another class loader call them reflectively, so every
 * parameter and result is a JDK type and messages cross as encoded text, as on every transport.
 */
public final class WorkerMain {
  private WorkerMain() {
  }

  /**
   * Starts a worker inside this JVM. {@code toHost} receives every message the worker sends;
   * the returned consumer takes the host's messages, and {@code null} tells the worker the channel closed.
   * {@code consoleSink} is the per-thread console sink of the JVM's {@link ConsoleRouter}; {@code stackSize}
   * is the worker thread's stack size in bytes (0: the JVM's default).
   *
   * <p>Incoming text is decoded on the worker's own inbox thread, never on the caller's: a host thread
   * must not run the worker's classes, or it would keep them (and their class loader) alive.
   */
  public static Consumer<String> inMemory(Consumer<String> toHost, ThreadLocal<BiConsumer<Boolean, String>> consoleSink,
                                          String threadName, long stackSize) {
    Codec codec = JsonCodec.forProtocol();
    WorkerLoop loop = new WorkerLoop(message -> toHost.accept(codec.encode(message)), consoleSink, threadName, stackSize);
    BlockingQueue<Optional<String>> inbox = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try {
        for (Optional<String> text = inbox.take(); text.isPresent(); text = inbox.take()) {
          loop.accept(text.get(), codec);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        loop.close();
      }
    }, threadName + "-inbox");
    reader.setDaemon(true);
    reader.setContextClassLoader(WorkerMain.class.getClassLoader());
    reader.start();
    return text -> inbox.add(Optional.ofNullable(text));
  }
}
