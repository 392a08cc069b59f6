package dev.lanes.pool.threads;

import dev.lanes.runtime.ConsoleRouter;
import dev.lanes.runtime.codec.JsonCodec;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.WorkerOptions;
import dev.lanes.spi.protocol.Codec;
import dev.lanes.spi.protocol.Message;
import dev.lanes.spi.protocol.WorkerRequest;
import dev.lanes.spi.protocol.WorkerResponse;
import dev.lanes.spi.support.AbstractPoolWorker;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A worker that is a thread in this JVM, running the Lanes runtime inside its own class loader.
 * Messages cross the loader boundary as encoded text, through the same codec as every transport.
 */
final class ThreadsPoolWorker extends AbstractPoolWorker {
  private static final Codec CODEC = JsonCodec.forProtocol();

  private final WorkerOptions options;
  private final WorkerClassLoaders loaders;
  private final ThreadsOptions threadsOptions;
  private WorkerClassLoaders.Loaders made;
  /** A file was handed over and has not finished: a stop now leaves the worker's thread running in its loaders. */
  private volatile boolean busy;
  private volatile Consumer<String> toWorker;
  private final boolean filesApart;

  ThreadsPoolWorker(WorkerOptions options, ThreadsOptions threadsOptions, WorkerClassLoaders loaders) {
    this.options = options;
    this.loaders = loaders;
    this.threadsOptions = threadsOptions;
    this.filesApart = loaders.isolatesEachFile();
  }

  @Override
  public String name() {
    return options.pool();
  }

  @Override
  public synchronized CompletionStage<Void> start() {
    try {
      made = loaders.create(options.project(), options.poolId(), options.isolate());
      Class<?> main = Class.forName("dev.lanes.runtime.WorkerMain", true, made.runtime());
      Consumer<String> toHost = frame -> received(frame, CODEC);
      ThreadLocal<BiConsumer<Boolean, String>> sink = ConsoleRouter.install().sink();
      String threadName = "lanes-" + options.pool() + "-worker-" + options.poolId();
      Optional<Supplier<ClassLoader>> perFile = loaders.perFile(options.project(), made.runtime());
      @SuppressWarnings("unchecked")
      Consumer<String> worker = (Consumer<String>) main
          .getMethod("inMemory", Consumer.class, ThreadLocal.class, String.class, long.class, ClassLoader.class,
              Supplier.class)
          .invoke(null, toHost, sink, threadName, threadsOptions.threadStackSize(), made.tests(), perFile.orElse(null));
      toWorker = worker;
      return CompletableFuture.completedFuture(null);
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      closeLoader();
      Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
      return CompletableFuture.failedFuture(new IllegalStateException(
          "[" + options.pool() + "] the worker runtime could not be loaded in the test class path: " + cause, cause));
    }
  }

  @Override
  public synchronized CompletionStage<Void> stop() {
    Consumer<String> channel = toWorker;
    toWorker = null;
    if (channel != null) {
      channel.accept(null);
    }
    if (busy && made != null) {
      loaders.abandon(made);
    }
    closeLoader();
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public void send(Message message) {
    Consumer<String> channel = toWorker;
    if (channel == null) {
      throw new IllegalStateException("[" + options.pool() + "] worker " + options.poolId() + " is not running");
    }
    if (message instanceof WorkerRequest.Run || message instanceof WorkerRequest.Collect) {
      busy = true;
    }
    channel.accept(CODEC.encode(message));
  }

  @Override
  public boolean canReuse(TestSpecification next) {
    return !options.isolate() || filesApart; // each file in a loader of its own: the worker stays
  }

  @Override
  protected void beforeListeners(Message message) {
    if (message instanceof WorkerResponse.TestFileFinished) {
      busy = false;
    }
  }

  private void closeLoader() {
    if (made != null) {
      WorkerClassLoaders.closeQuietly(made.owned());
      made = null;
    }
  }
}
