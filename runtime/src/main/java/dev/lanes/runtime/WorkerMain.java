package dev.lanes.runtime;

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
   */
  public static Consumer<String> inMemory(Consumer<String> toHost, ThreadLocal<BiConsumer<Boolean, String>> consoleSink,
                                          String threadName, long stackSize) {
    JsonCodec codec = JsonCodec.forProtocol();
    WorkerLoop loop = new WorkerLoop(message -> toHost.accept(codec.encode(message)), consoleSink, threadName, stackSize);
    return text -> {
      if (text == null) {
        loop.close();
      } else {
        loop.accept(codec.decode(text));
      }
    };
  }
}
