package dev.lanes.runtime;

import dev.lanes.runtime.junit.JUnitFileRunner;
import dev.lanes.spi.protocol.Codec;
import dev.lanes.spi.protocol.FileSpec;
import dev.lanes.spi.protocol.Message;
import dev.lanes.spi.protocol.Rpc;
import dev.lanes.spi.protocol.RpcCall;
import dev.lanes.spi.protocol.RunnerRpc;
import dev.lanes.spi.protocol.RuntimeRpc;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.TestErrors;
import dev.lanes.spi.protocol.UserConsoleLog;
import dev.lanes.spi.protocol.WorkerRequest;
import dev.lanes.spi.protocol.WorkerResponse;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The worker's side of the protocol, the same on every transport. Control requests run one after
 * the other on the worker's own thread; RPC frames are handled as they arrive, so a reply can reach
 * a test that is waiting for it.
 */
public final class WorkerLoop {
  private final Consumer<Message> post;
  /** Processes of this worker's tests already reported as left running. */
  private final java.util.Set<Long> childrenSeen = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final Rpc<RuntimeRpc> rpc;
  private final ConsoleCapture capture;
  private final ExecutorService requests;
  private volatile JUnitFileRunner runner;
  private volatile Thread thread;
  private final boolean startsAtOnce;
  private final FileLoaders fileLoaders;
  private volatile long memoryLimit = Long.MAX_VALUE;
  private volatile boolean cancelled;
  private volatile JvmState jvmState;


  /** A fresh class loader for every file (the vm pools), and what the worker's JVM keeps of one after its file. */
  @FunctionalInterface
  public interface FileClassLoaders {
    /** The loader the next file runs in. */
    ClassLoader open();

    /**
     * The file that ran in {@code loader} ended (the loader is closed next): what the JVM keeps of it that the next
     * file must not meet, if anything — then the worker is retired.
     */
    default List<String> close(ClassLoader loader) {
      return List.of();
    }
  }

  /**
   * A loop whose tests are loaded by {@code testLoader}: the context class loader of the threads that run them, or the
   * parent of a fresh class loader per file from {@code fileLoaders}, closed when the file ends ({@code null}: every
   * file runs in {@code testLoader}). {@code startsAtOnce}: a worker that may die without a word (a forked JVM) sends
   * each test's start at once, so the host can name the test that was running; others batch them with the other
   * updates.
   */
  public WorkerLoop(Consumer<Message> post, ThreadLocal<BiConsumer<Boolean, String>> consoleSink, String threadName,
                    long stackSize, ClassLoader testLoader, boolean startsAtOnce, FileClassLoaders fileLoaders) {
    this.post = post;
    this.fileLoaders = fileLoaders == null ? null : new FileLoaders(fileLoaders, testLoader);
    this.startsAtOnce = startsAtOnce;
    ClassLoader loader = testLoader;
    this.rpc = Rpc.create((RunnerRpc) () -> {
      JUnitFileRunner current = runner;
      if (current != null) {
        current.flushPending(); // the host is about to give up on this worker: it gets what was batched first
      }
      return CompletableFuture.completedFuture(ThreadDumps.of(loader, threadName));
    }, RuntimeRpc.class, post);
    this.capture = new ConsoleCapture(consoleSink, log -> rpc.remote().onUserConsoleLog(log));
    this.requests = Executors.newSingleThreadExecutor(task -> {
      Thread created = new Thread(null, task, threadName, stackSize);
      // not a daemon, as the main thread tests run on under Surefire or the Console Launcher: threads a test starts
      // inherit the flag (commons-lang3's BasicThreadFactoryTest checks it). Hosts end their JVM with exit or halt.
      created.setDaemon(false);
      created.setContextClassLoader(loader);
      thread = created;
      return created;
    });
  }

  /** Decodes and handles one message from the host; a message that cannot be decoded is reported, not thrown. */
  public void accept(String text, Codec codec) {
    Message message;
    try {
      message = codec.decode(text);
    } catch (Codec.CodecException e) {
      post.accept(new RpcCall(0, "onUnhandledError", List.of(TestErrors.of(e), "Worker Error")));
      return;
    }
    accept(message);
  }

  /** Handles one message from the host; never blocks on a running test. */
  public void accept(Message message) {
    if (rpc.accept(message)) {
      return;
    }
    if (message instanceof WorkerRequest.Cancel) {
      cancelled = true; // the current file finishes; the rest of its request is left, and the host sends no more
      JUnitFileRunner running = runner;
      if (running != null) {
        running.cancel(); // JUnit 6: the current file stops at its next test
      }
      return;
    }
    if (message instanceof WorkerRequest.Run || message instanceof WorkerRequest.Collect) {
      // a new request is wanted whole: a cancel of the one before (a bail in an earlier watch run) is over. Messages
      // arrive in order, so a cancel of this request comes after it and still counts.
      cancelled = false;
      JUnitFileRunner idle = runner;
      if (idle != null) {
        idle.resume();
      }
    }
    if (message instanceof WorkerRequest request) {
      requests.execute(() -> handle(request));
    } else {
      post.accept(new WorkerResponse.TestFileFinished(Optional.of(TestError.of("IllegalStateException",
          "a worker does not accept " + message.getClass().getSimpleName())), Optional.empty()));
    }
  }

  /** The host went away: reject pending calls and end the worker thread. */
  public void close() {
    rpc.close("the channel to the host closed");
    requests.shutdownNow();
    try {
      if (!requests.awaitTermination(1, TimeUnit.SECONDS)) {
        stopStuckThread();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * A test ignored the interrupt and the host gave up on it. Up to JDK 19 the thread can still be stopped;
   * from JDK 20 on it cannot, and it stays, a daemon thread, until the JVM ends.
   */
  @SuppressWarnings({"deprecation", "removal"})
  private void stopStuckThread() {
    Thread stuck = thread;
    if (stuck != null && stuck.isAlive()) {
      try {
        stuck.stop();
      } catch (UnsupportedOperationException | LinkageError e) {
        // not on this JDK; see above
      }
    }
  }

  private void handle(WorkerRequest request) {
    Thread.interrupted(); // a request starts without the interrupt a test left (one that interrupted every thread)
    if (request instanceof WorkerRequest.Start start) {
      post.accept(start(start));
    } else if (request instanceof WorkerRequest.Run run) {
      post.accept(execute(run.files(), false));
    } else if (request instanceof WorkerRequest.Collect collect) {
      post.accept(execute(collect.files(), true));
    } else if (request instanceof WorkerRequest.Stop) {
      post.accept(new WorkerResponse.Stopped(closeRunner()));
      requests.shutdown();
    }
  }

  /** Ends the runner's launcher session; a listener of the user's that fails there is the stop's error. */
  private Optional<TestError> closeRunner() {
    JUnitFileRunner current = runner;
    if (current == null) {
      return Optional.empty();
    }
    try {
      current.close();
      return Optional.empty();
    } catch (RuntimeException | LinkageError e) {
      return Optional.of(TestErrors.of(e));
    }
  }

  private WorkerResponse.Started start(WorkerRequest.Start start) {
    try {
      Class.forName("org.junit.platform.launcher.core.LauncherFactory", false, WorkerLoop.class.getClassLoader());
      memoryLimit = start.settings().vmMemoryLimit();
      runner = new JUnitFileRunner(rpc.remote(), capture, start.settings(), startsAtOnce);
      if (startsAtOnce && jvmState == null) {
        jvmState = JvmState.snapshot(); // a forked worker owns its JVM: every file starts from the JVM's defaults
      }
      return WorkerResponse.Started.ok();
    } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
      return new WorkerResponse.Started(Optional.of(TestError.of(e.getClass().getName(),
          "the JUnit Platform launcher is not on the worker's class path: " + e.getMessage())));
    }
  }

  private WorkerResponse.TestFileFinished execute(List<FileSpec> files, boolean collectOnly) {
    if (runner == null) {
      return new WorkerResponse.TestFileFinished(Optional.of(TestError.of("IllegalStateException",
          "the worker was asked to run before it was started")), Optional.empty());
    }
    List<String> kept = new ArrayList<>();
    try {
      for (FileSpec file : files) {
        if (cancelled) {
          break; // the host reports the files left as not run
        }
        if (fileLoaders == null) {
          runner.run(file, collectOnly);
        } else {
          FileLoaders.Ended ended = fileLoaders.run(() -> runner.run(file, collectOnly));
          if (!ended.leftOver().isEmpty()) {
            warn(file, file.moduleId() + " left " + ended.leftOver().size() + " thread(s) running, now stopped: "
                + String.join(", ", ended.leftOver()));
          }
          kept.addAll(ended.kept());
        }
        kept.addAll(restoreJvmState(file));
        runner.takeOutOfMemory().ifPresent(error -> kept.add("what a test left when it ran out of memory (" + error
            + ")"));
        if (jvmState != null) {
          heapKept().ifPresent(kept::add);
          childProcessesLeft(file);
        }
      }
      return new WorkerResponse.TestFileFinished(Optional.empty(), Optional.of(usedMemory()), retire(kept));
    } catch (Throwable e) {
      return new WorkerResponse.TestFileFinished(Optional.of(TestErrors.of(e)), Optional.of(usedMemory()),
          retire(kept));
    }
  }

  /** Puts back what {@code file} changed of the JVM's shared state; returns what could not be put back. */
  private List<String> restoreJvmState(FileSpec file) {
    JvmState state = jvmState;
    if (state == null) {
      return List.of();
    }
    JvmState.Changes changes = state.restore();
    if (!changes.restored().isEmpty()) {
      warn(file, file.moduleId() + " changed what the whole JVM shares and did not put it back: "
          + String.join("; ", changes.restored()) + ". Put back for the next file.");
    }
    if (!changes.kept().isEmpty()) {
      warn(file, file.moduleId() + " left " + String.join("; ", changes.kept())
          + ", which cannot be undone: the worker JVM is retired after this file.");
    }
    return changes.kept();
  }

  /**
   * A forked worker whose heap, after a full collection, still holds more than half of its maximum (a small
   * {@code -Xmx} from the build's argLine) is retired: the next file, which under Surefire would have a JVM of its
   * own or one with room left, would run out of memory where it need not.
   */
  private static Optional<String> heapKept() {
    Runtime runtime = Runtime.getRuntime();
    long half = runtime.maxMemory() / 2;
    if (runtime.totalMemory() - runtime.freeMemory() <= half) {
      return Optional.empty();
    }
    System.gc();
    long used = runtime.totalMemory() - runtime.freeMemory();
    return used <= half ? Optional.empty() : Optional.of("more than half of its heap (" + used / (1024 * 1024) + " of "
        + runtime.maxMemory() / (1024 * 1024) + " MiB) in use after a full collection");
  }

  private static Optional<String> retire(List<String> kept) {
    return kept.isEmpty() ? Optional.empty() : Optional.of("its JVM keeps " + String.join("; ", kept));
  }

  /**
   * A forked worker's file that started processes and left them running (nextest's leak detection): a warning on the
   * file naming them; they are ended with the worker, not left behind orphaned.
   */
  private void childProcessesLeft(FileSpec file) {
    List<ProcessHandle> left = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
        .filter(process -> childrenSeen.add(process.pid())).toList();
    if (!left.isEmpty()) {
      warn(file, file.moduleId() + " left " + (left.size() == 1 ? "a child process" : left.size() + " child processes")
          + " running: " + String.join(", ", left.stream().map(process -> "pid " + process.pid() + " ("
              + process.info().commandLine().or(() -> process.info().command()).orElse("?") + ")").toList())
          + "; " + (left.size() == 1 ? "it is" : "they are") + " ended with the worker.");
    }
  }

  private void warn(FileSpec file, String text) {
    rpc.remote().onUserConsoleLog(new UserConsoleLog("[lanes] warning: " + text + "\n",
        UserConsoleLog.ConsoleStream.STDERR, Optional.of(file.fileId()), System.currentTimeMillis()));
  }

  /**
   * The heap and the Metaspace in use in this JVM. Unlike V8's, the JVM's heap holds garbage until a collection:
   * past the worker's {@code vmMemoryLimit}, a full collection runs first, so the host retires the worker for what
   * it keeps (a library's cache, a class loader that is never collected), not for its garbage. One that keeps more
   * than 90% of the limit is retired all the same: each of its next files would need a full collection.
   */
  private long usedMemory() {
    long used = memoryInUse();
    if (used > memoryLimit) {
      System.gc();
      long kept = memoryInUse();
      return kept > memoryLimit / 10 * 9 ? used : kept;
    }
    return used;
  }

  private static long memoryInUse() {
    Runtime runtime = Runtime.getRuntime();
    long used = runtime.totalMemory() - runtime.freeMemory();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getName().equals("Metaspace")) {
        used += pool.getUsage().getUsed();
      }
    }
    return used;
  }
}
