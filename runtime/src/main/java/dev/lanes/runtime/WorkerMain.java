package dev.lanes.runtime;

import dev.lanes.runtime.codec.JsonCodec;
import dev.lanes.spi.protocol.Codec;
import dev.lanes.spi.protocol.Message;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

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
    return inMemory(toHost, consoleSink, threadName, stackSize, null);
  }

  /**
   * As {@link #inMemory(Consumer, ThreadLocal, String, long)}, each file in a fresh class loader from
   * {@code fileLoaders} (its parent this runtime's loader), closed when the file ends: the vm pools.
   */
  public static Consumer<String> inMemory(Consumer<String> toHost, ThreadLocal<BiConsumer<Boolean, String>> consoleSink,
                                          String threadName, long stackSize, Supplier<ClassLoader> fileLoaders) {
    return inMemory(toHost, consoleSink, threadName, stackSize, WorkerMain.class.getClassLoader(), fileLoaders);
  }

  /**
   * As {@link #inMemory(Consumer, ThreadLocal, String, long, Supplier)}, the tests loaded by {@code testLoader}: a
   * child of this runtime's loader that holds the test class path but the test framework (the threads pool with
   * {@code isolate = true}, whose runtime and JUnit stay loaded while each worker gets a fresh {@code testLoader}).
   */
  public static Consumer<String> inMemory(Consumer<String> toHost, ThreadLocal<BiConsumer<Boolean, String>> consoleSink,
                                          String threadName, long stackSize, ClassLoader testLoader,
                                          Supplier<ClassLoader> fileLoaders) {
    Codec codec = JsonCodec.forProtocol();
    WorkerLoop loop = new WorkerLoop(message -> toHost.accept(codec.encode(message)), consoleSink, threadName, stackSize,
        testLoader, false, fileLoaders == null ? null : fileLoaders::get);
    BlockingQueue<Optional<String>> inbox = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> {
      try {
        for (Optional<String> text = take(inbox); text.isPresent(); text = take(inbox)) {
          loop.accept(text.get(), codec);
        }
      } finally {
        loop.close();
      }
    }, threadName + "-inbox");
    reader.setDaemon(true);
    reader.setContextClassLoader(WorkerMain.class.getClassLoader());
    reader.start();
    return text -> inbox.add(Optional.ofNullable(text));
  }

  /**
   * The next message from the host. Only the host ends the worker (an empty message): in an in-process pool a test that
   * interrupts every thread of the JVM interrupts this one too, which must not end the worker beside it.
   */
  private static Optional<String> take(BlockingQueue<Optional<String>> inbox) {
    while (true) {
      try {
        return inbox.take();
      } catch (InterruptedException e) {
        // not the host's: wait on
      }
    }
  }

  /**
   * What a worker needs on its class path besides the project's own: this runtime first (a jar with Jackson shaded
   * into it, or during Lanes' own build a class folder plus the Jackson jars), and the protocol's jar.
   */
  public static List<Path> classpath() {
    Set<Path> entries = new LinkedHashSet<>();
    Path runtime = location(WorkerMain.class);
    entries.add(runtime);
    entries.add(location(Message.class));
    if (Files.isDirectory(runtime)) {
      for (String name : List.of("com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.core.JsonFactory",
          "com.fasterxml.jackson.annotation.JsonProperty", "com.fasterxml.jackson.datatype.jdk8.Jdk8Module")) {
        try {
          entries.add(location(Class.forName(name, false, WorkerMain.class.getClassLoader())));
        } catch (ClassNotFoundException e) {
          // shaded after all
        }
      }
    }
    return List.copyOf(entries);
  }

  private static Path location(Class<?> type) {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalStateException("cannot locate the jar of " + type.getName() + ". This is a bug in Lanes.", e);
    }
  }
}
