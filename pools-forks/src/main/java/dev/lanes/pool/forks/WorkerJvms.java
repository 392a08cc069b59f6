package dev.lanes.pool.forks;

import dev.lanes.runtime.ClassPathSplit;
import dev.lanes.runtime.WorkerMain;
import dev.lanes.runtime.fork.ForkMain;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.WorkerOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Starts worker JVMs: the flags (short-lived-worker defaults unless the user set their own, the heap,
 * the class-data archive), the class path (the project's plus the worker runtime), the environment,
 * and the command, which {@link JvmLauncher} may change. Keeps one spare JVM started ahead of need.
 */
final class WorkerJvms {
  private static final List<Path> RUNTIME = WorkerMain.classpath();

  private final ForksOptions options;
  private final JvmLauncher launcher;
  private final ClassDataArchives archives;
  private final ClassFolders folders;
  private Launched spare;
  private Runnable spareKill;
  private boolean closed;

  WorkerJvms(ForksOptions options, JvmLauncher launcher, ClassDataArchives archives, ClassFolders folders) {
    this.options = options;
    this.launcher = launcher;
    this.archives = archives;
    this.folders = folders;
  }

  /** A started worker JVM, the channel it connects to, and how long it may take to exit after that closes. */
  /** {@code archived}: completes when the class-data archive the worker writes at exit, if any, is in place. */
  record Launched(Process process, PrivateChannel channel, TestProject project, long exitMillis,
                  CompletableFuture<Void> archived) {
    void discard() {
      process.destroyForcibly();
      channel.close();
    }
  }

  /**
   * A worker JVM for {@code worker}: the spare started ahead of need when it is for the same project,
   * else a new one. For isolated workers (a fresh JVM per file, unless each file gets a class loader of its
   * own instead) the next spare starts at once, so its start-up overlaps the file this one runs.
   */
  Launched take(WorkerOptions worker) throws IOException {
    Launched taken;
    synchronized (this) {
      if (closed) {
        throw new IOException("the pool is closed");
      }
      taken = spare != null && spare.project().equals(worker.project()) && spare.process().isAlive() ? spare : null;
      if (spare != null && taken == null) {
        spare.discard();
      }
      setSpare(null);
    }
    if (taken == null) {
      taken = launch(worker);
    }
    if (worker.isolate() && folders == ClassFolders.PER_WORKER) {
      Launched next = launch(worker);
      synchronized (this) {
        if (closed || spare != null) {
          next.discard();
        } else {
          setSpare(next);
        }
      }
    }
    return taken;
  }

  /** Ends the spare: the pool is closing. */
  synchronized void close() {
    closed = true;
    if (spare != null) {
      spare.discard();
      setSpare(null);
    }
  }

  /** The spare is the reaper's until a worker takes it (then the worker answers for it). */
  private void setSpare(Launched next) {
    if (spareKill != null) {
      Reaper.remove(spareKill);
      spareKill = null;
    }
    spare = next;
    if (next != null) {
      spareKill = next::discard;
      Reaper.add(spareKill);
    }
  }

  private Launched launch(WorkerOptions worker) throws IOException {
    PrivateChannel channel = PrivateChannel.open();
    try {
      return launch(worker, channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private Launched launch(WorkerOptions worker, PrivateChannel channel) throws IOException {
    // The class folders (and the jars that share their packages) are loaded in front of the class path by the
    // worker (see ClassFoldersLoader) when it maps a class-data archive, which takes jars only, or makes a loader per
    // file; otherwise the JVM gets the test class path as it is, so its system class loader sees the folders too.
    boolean plainClassPath = !options.classDataSharing() && folders == ClassFolders.PER_WORKER;
    ClassPathSplit split = plainClassPath ? new ClassPathSplit(List.of(), worker.project().classpath())
        : ClassPathSplit.of(worker.project().classpath());
    List<String> classFolders = split.own().stream().map(Path::toString).toList();
    List<Path> classpath = new ArrayList<>(split.libraries());
    classpath.addAll(RUNTIME);
    List<String> flags = new ArrayList<>(defaultFlags(options.execArgv()));
    if (options.maxHeap() != null) {
      flags.add("-Xmx" + options.maxHeap());
    }
    ClassDataArchives.Use archive = options.classDataSharing()
        ? archives.use(options.javaExecutable(), worker.project(), classpath) : ClassDataArchives.Use.NONE;
    flags.addAll(archive.flags());
    // a worker may be started before its slot is known (a spare): its name is its pool's
    flags.add("-Dlanes.worker=" + worker.pool());
    flags.addAll(options.execArgv());
    List<String> arguments = new ArrayList<>(List.of(channel.address(), "lanes-" + worker.pool() + "-worker",
        String.join(File.pathSeparator, classFolders)));
    if (folders == ClassFolders.PER_FILE) {
      arguments.add(ForkMain.PER_FILE);
    }
    JvmLaunch launch = new JvmLaunch(options.javaExecutable(), flags, classpath, ForkMain.class.getName(), arguments,
        worker.project(), worker.poolId());
    ProcessBuilder builder = new ProcessBuilder(launcher.command(launch)).directory(worker.project().root().toFile());
    builder.environment().putAll(options.env());
    builder.environment().put(ForkMain.TOKEN_ENV, channel.token());
    Process process = builder.start();
    CompletableFuture<Void> archived = archive.onExit(process);
    return new Launched(process, channel, worker.project(), 2_000 + archive.exitMillis(), archived);
  }

  /**
   * C1 only (one compiler thread) and the Serial GC suit short-lived workers; out of memory ends the worker,
   * with a clear report. Each is left out when the user's {@code execArgv} sets its own.
   */
  static List<String> defaultFlags(List<String> user) {
    List<String> flags = new ArrayList<>();
    if (user.stream().noneMatch(f -> f.startsWith("-XX:TieredStopAtLevel") || f.contains("TieredCompilation")
        || f.startsWith("-XX:CICompilerCount"))) {
      flags.add("-XX:TieredStopAtLevel=1");
      flags.add("-XX:CICompilerCount=1"); // one C1 thread is plenty for a worker's life (measured: ≈ 5-10% less CPU)
    }
    if (user.stream().noneMatch(f -> f.matches("-XX:[+-]Use\\w*GC"))) {
      flags.add("-XX:+UseSerialGC");
    }
    if (user.stream().noneMatch(f -> f.contains("OnOutOfMemoryError"))) {
      flags.add("-XX:+ExitOnOutOfMemoryError");
    }
    // no hsperfdata file in the temporary folder (a killed worker would leave it behind)
    flags.add("-XX:-UsePerfData");
    // the JVM's own messages go to stderr, never to stdout
    flags.add("-Xlog:disable");
    flags.add("-Xlog:all=warning:stderr");
    return flags;
  }
}
