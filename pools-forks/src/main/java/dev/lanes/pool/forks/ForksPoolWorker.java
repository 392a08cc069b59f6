package dev.lanes.pool.forks;

import dev.lanes.runtime.codec.JsonCodec;
import dev.lanes.runtime.fork.FramedChannel;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.WorkerExit;
import dev.lanes.spi.WorkerOptions;
import dev.lanes.spi.protocol.Codec;
import dev.lanes.spi.protocol.FileSpec;
import dev.lanes.spi.protocol.Message;
import dev.lanes.spi.protocol.RpcCall;
import dev.lanes.spi.protocol.UserConsoleLog.ConsoleStream;
import dev.lanes.spi.protocol.UserConsoleLog;
import dev.lanes.spi.protocol.WorkerRequest;
import dev.lanes.spi.protocol.WorkerResponse;
import dev.lanes.spi.support.AbstractPoolWorker;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A worker that is a child JVM. Requests and reports travel over a {@link PrivateChannel}; the
 * child's stdout and stderr are only drained: what lands there (output of native code, of the JVM
 * itself, or a test writing to the file descriptor) is passed on as the running file's console
 * output, bounded per file, and the last lines are kept for the report of a crash.
 */
final class ForksPoolWorker extends AbstractPoolWorker {
  static final int MAX_RAW_OUTPUT_PER_FILE = 1024 * 1024;
  private static final Codec CODEC = JsonCodec.forProtocol();
  private static final Pattern CRASH_REPORT =
      Pattern.compile("An error report file with more information is saved as:\\s*\\R#\\s*(\\S+)");

  private final WorkerOptions options;
  private final WorkerJvms jvms;
  private final boolean filesApart;
  private final Runnable kill = this::kill;
  private final Object outputLock = new Object();
  private volatile PrivateChannel pending;
  private volatile Process process;
  private volatile FramedChannel channel;
  private volatile boolean stopping;
  private volatile long exitMillis = 2_000;
  private volatile Path directory;
  private volatile boolean forced;
  private ProcessOutput stdout;
  private ProcessOutput stderr;
  private CompletableFuture<Void> stopped;
  private String currentFile;
  private long rawBytes;
  private long rawDropped;

  ForksPoolWorker(WorkerOptions options, WorkerJvms jvms, boolean filesApart) {
    this.options = options;
    this.jvms = jvms;
    this.filesApart = filesApart;
  }

  @Override
  public String name() {
    return options.pool();
  }

  @Override
  public synchronized CompletionStage<Void> start() {
    CompletableFuture<Void> ready = new CompletableFuture<>();
    try {
      WorkerJvms.Launched launched = jvms.take(options);
      pending = launched.channel();
      process = launched.process();
      exitMillis = launched.exitMillis();
      directory = launched.directory();
    } catch (IOException | RuntimeException e) {
      closePending();
      return CompletableFuture.failedFuture(new IllegalStateException(
          "[" + options.pool() + "] the worker JVM could not be started: " + e.getMessage(), e));
    }
    Reaper.add(kill);
    Charset charset = Charset.defaultCharset();
    String prefix = "lanes-" + options.pool() + "-" + options.poolId();
    stdout = new ProcessOutput(process.getInputStream(), prefix + "-stdout", charset,
        (text, bytes) -> rawOutput(text, bytes, ConsoleStream.STDOUT));
    stderr = new ProcessOutput(process.getErrorStream(), prefix + "-stderr", charset,
        (text, bytes) -> rawOutput(text, bytes, ConsoleStream.STDERR));
    PrivateChannel listening = pending;
    process.onExit().thenRun(listening::close); // a worker that dies before connecting fails the start at once
    Thread connect = new Thread(() -> {
      try {
        FramedChannel connected = listening.accept();
        channel = connected;
        Thread reader = new Thread(() -> read(connected), prefix + "-channel");
        reader.setDaemon(true);
        reader.start();
        ready.complete(null);
      } catch (IOException e) {
        ready.completeExceptionally(new IllegalStateException(startFailure(listening.rejected())));
      }
    }, prefix + "-connect");
    connect.setDaemon(true);
    connect.start();
    return ready;
  }

  private String startFailure(int strangers) {
    Process child = process;
    try {
      if (strangers > 0) {
        return "[" + options.pool() + "] the worker's channel was taken by something that was not the worker: "
            + strangers + (strangers == 1 ? " connection" : " connections") + " to it did not send the run's token"
            + (child == null || child.isAlive() ? "" : "; the worker JVM ended with exit code " + child.exitValue());
      }
      if (child != null && !child.waitFor(2, TimeUnit.SECONDS)) {
        return "[" + options.pool() + "] the worker JVM closed its channel before connecting";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stderr.awaitEnd(1000);
    stdout.awaitEnd(200);
    String tail = lastWords();
    return "[" + options.pool() + "] the worker JVM exited with code " + (child == null ? "?" : child.exitValue())
        + " before it connected" + (tail.isEmpty() ? "" : ":\n" + tail);
  }

  private void read(FramedChannel connected) {
    try {
      for (String text = connected.read(); text != null; text = connected.read()) {
        received(text, CODEC);
      }
    } catch (IOException e) {
      // the worker died mid-frame, or its channel broke: what it was is told by its exit
    }
    exited();
  }

  /** The channel ended: wait for the JVM to end (ending it if it does not), then tell how it ended. */
  private void exited() {
    Process child = process;
    try {
      if (!child.waitFor(exitMillis + 1_000, TimeUnit.MILLISECONDS)) {
        forced = true;
        child.destroyForcibly();
        child.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      forced = true;
      child.destroyForcibly();
    }
    Reaper.remove(kill);
    stdout.awaitEnd(1000);
    stderr.awaitEnd(1000);
    int code = child.isAlive() ? -1 : child.exitValue();
    if (stopping && !forced && code != 0) {
      endedAfterItsFiles(child);
    }
    listeners.exit(WorkerExit.code(code, describe(code)));
  }

  private String describe(int code) {
    StringBuilder description = new StringBuilder("exit code ").append(code);
    String tail = lastWords();
    if (tail.contains("Terminating due to java.lang.OutOfMemoryError")) {
      String kind = tail.substring(tail.indexOf("java.lang.OutOfMemoryError")).lines().findFirst().orElse("");
      description.append(" (the worker ran out of memory: ").append(kind).append(')');
    } else if (code > 128 && code < 160) {
      description.append(" (killed by ").append(Signals.name(code - 128)).append(')');
    }
    crashReport(process, tail).ifPresent(report -> description.append("; the JVM's crash report: ").append(report));
    if (!tail.isEmpty() && !stopping) {
      description.append("\nLast output of the worker:\n").append(tail);
    }
    return description.toString();
  }

  private String lastWords() {
    String err = stderr == null ? "" : stderr.tail();
    String out = stdout == null ? "" : stdout.tail();
    return (out.isEmpty() ? "" : out + (err.isEmpty() ? "" : "\n")) + err;
  }

  @Override
  public synchronized CompletionStage<Void> stop() {
    if (stopped != null) {
      return stopped;
    }
    stopping = true;
    Process child = process;
    FramedChannel open = channel;
    stopped = new CompletableFuture<>();
    Thread stopper = new Thread(() -> {
      try {
        if (open != null) {
          open.close(); // the worker ends itself when its channel closes
        }
        if (child != null && !child.waitFor(exitMillis, TimeUnit.MILLISECONDS)) {
          forced = true;
          child.destroyForcibly();
          child.waitFor(5, TimeUnit.SECONDS);
        }
      } catch (IOException e) {
        if (child != null) {
          child.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        if (child != null) {
          child.destroyForcibly();
        }
      } finally {
        if (child == null || !child.isAlive()) {
          Reaper.remove(kill);
        }
        closePending();
        stopped.complete(null);
      }
    }, "lanes-" + options.pool() + "-" + options.poolId() + "-stop");
    stopper.setDaemon(true);
    stopper.start();
    return stopped;
  }

  /**
   * A worker told to stop that ended badly anyway — a crash while the JVM exits (in an agent's hook, in the JVM's own
   * class-data dumping) — leaves the files' outcomes as they are, but is a warning naming its crash report.
   */
  private void endedAfterItsFiles(Process child) {
    int code = child.exitValue();
    String tail = lastWords();
    Optional<Path> report = crashReport(child, tail);
    jvms.warn("worker " + options.poolId() + " (pid " + child.pid() + ") ended with exit code " + code
        + (code > 128 && code < 160 ? " (killed by " + Signals.name(code - 128) + ")" : "")
        + " after its files finished; their results stand" + report.map(r -> ". The JVM's crash report: " + r)
            .orElse("") + (tail.isEmpty() ? "" : "\nLast output of the worker:\n" + tail));
  }

  /**
   * The report a crashed JVM wrote ({@code hs_err_pid<pid>.log}): where its output says, else in the folder it ran in or
   * the temporary folder, as the JVM chooses.
   */
  private Optional<Path> crashReport(Process child, String output) {
    if (child == null) {
      return Optional.empty();
    }
    Matcher said = CRASH_REPORT.matcher(output);
    if (said.find()) {
      return Optional.of(Path.of(said.group(1)));
    }
    String name = "hs_err_pid" + child.pid() + ".log";
    for (Path folder : new Path[] {directory, Path.of(System.getProperty("java.io.tmpdir"))}) {
      if (folder != null && Files.isRegularFile(folder.resolve(name))) {
        return Optional.of(folder.resolve(name).toAbsolutePath());
      }
    }
    return Optional.empty();
  }

  /** Ends the worker at once, from the host's shutdown: no waiting, no reports. */
  private void kill() {
    Process child = process;
    if (child != null) {
      forced = true;
      child.descendants().forEach(ProcessHandle::destroyForcibly); // what its tests started, before they are orphaned
      child.destroyForcibly();
    }
    PrivateChannel listening = pending;
    if (listening != null) {
      listening.close();
    }
  }

  private synchronized void closePending() {
    if (pending != null) {
      pending.close();
    }
  }

  @Override
  public void send(Message message) {
    FramedChannel open = channel;
    if (open == null) {
      throw new IllegalStateException("[" + options.pool() + "] worker " + options.poolId() + " is not connected");
    }
    if (message instanceof WorkerRequest.Run run) {
      startFile(run.files());
    } else if (message instanceof WorkerRequest.Collect collect) {
      startFile(collect.files());
    }
    try {
      open.post(CODEC.encode(message));
    } catch (IOException e) {
      // the worker is gone; its exit is reported by the channel's reader with the reason
    }
  }

  @Override
  protected void beforeListeners(Message message) {
    if (message instanceof WorkerResponse.TestFileFinished) {
      endFile();
    }
  }

  @Override
  public boolean canReuse(TestSpecification next) {
    return !options.isolate() || filesApart; // each file in a class loader of its own: the JVM stays
  }

  private void startFile(List<FileSpec> files) {
    synchronized (outputLock) {
      currentFile = files.isEmpty() ? null : files.get(0).fileId();
      rawBytes = 0;
      rawDropped = 0;
    }
  }

  private void endFile() {
    String file;
    long dropped;
    synchronized (outputLock) {
      file = currentFile;
      dropped = rawDropped;
      currentFile = null;
    }
    if (dropped > 0) {
      consoleLog("\n[lanes] output truncated: " + dropped + " more bytes the worker wrote to its stdout/stderr"
          + " were dropped\n", ConsoleStream.STDERR, Optional.ofNullable(file));
    }
  }

  /**
   * What landed on the worker's own stdout/stderr while a file ran: kept as that file's output, up to a
   * bound. Output between files stays in the tail kept for a crash report.
   */
  private void rawOutput(String text, int bytes, ConsoleStream stream) {
    Optional<String> file;
    synchronized (outputLock) {
      if (rawBytes >= MAX_RAW_OUTPUT_PER_FILE) {
        rawDropped += bytes;
        return;
      }
      if (currentFile == null) {
        return; // between files (the JVM starting or ending): kept only for the report of a crash
      }
      rawBytes += bytes;
      file = Optional.of(currentFile);
    }
    consoleLog(text, stream, file);
  }

  private void consoleLog(String text, ConsoleStream stream, Optional<String> file) {
    listeners.message(new RpcCall(0, "onUserConsoleLog",
        List.of(new UserConsoleLog(text, stream, file, System.currentTimeMillis()))));
  }
}
