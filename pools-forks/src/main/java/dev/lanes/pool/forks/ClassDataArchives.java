package dev.lanes.pool.forks;

import dev.lanes.runtime.fork.TrainMain;
import dev.lanes.spi.TestProject;
import jakarta.inject.Singleton;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Class-data-sharing archives of the workers' jars, one per JDK and set of jars, kept in the project's
 * {@code target/lanes-cds}: mapping one ({@code -XX:SharedArchiveFile}; on JDK 25 and later an AOT cache,
 * {@code -XX:AOTCache}) saves most of the cost of booting the JUnit launcher in every worker JVM.
 *
 * <p>No worker writes one. A class path without an archive gets a training JVM ({@link TrainMain}), started once in
 * the background: it boots what a worker boots, collects a few test classes, and writes the archive as it exits
 * ({@code -XX:ArchiveClassesAtExit}, {@code -XX:AOTCacheOutput}); the workers of that run go without, and later runs
 * map it. So every worker's class path is the same — the archived jars first, then what they cannot hold (class
 * folders, which a dumping JVM refuses, and jars that change between runs, such as a module of the same build) —
 * and its system class loader sees the test resources, as under Surefire. A changed jar, JDK or class path gives a
 * new key, so a stale archive is never used; the JVM checks the class path again itself. A training JVM that crashes
 * leaves a {@code .failed} note beside the archives: that class path goes without one from then on, with a warning
 * naming the JVM's crash report.
 */
@Singleton
final class ClassDataArchives {
  /** How many archives a project keeps (several JDKs, several class paths in use). */
  static final int KEEP = 4;
  /** How long closing the pool waits for a training JVM still at work, so the next run finds its archive. */
  static final long TRAINING_WAIT_MILLIS = 15_000;

  private final Map<Path, Process> training = new ConcurrentHashMap<>();
  /** Per training JVM: done once its archive was moved into place (or given up), after the JVM ended. */
  private final Map<Process, java.util.concurrent.CompletableFuture<Void>> finished = new ConcurrentHashMap<>();

  /** How one worker takes part: the flags that map an archive, or none. */
  record Use(List<String> flags) {
    static final Use NONE = new Use(List.of());

    Use {
      flags = List.copyOf(flags);
    }
  }

  /**
   * How a worker of {@code project} whose archivable class path is {@code archived} (jars only, in order; the JVM
   * cannot archive folders) uses an archive: maps the one there is, or goes without while a training JVM makes it.
   * {@code front} are the entries the training JVM loads in front of {@code archived} (the class folders and the jars
   * left out of the archive); {@code jvmFlags} the workers' own flags; {@code warn} hears of a training JVM that
   * crashed.
   */
  Use use(Path java, TestProject project, List<Path> archived, List<Path> front, List<String> jvmFlags,
          Consumer<String> warn) {
    if (archived.stream().anyMatch(Files::isDirectory)) {
      return Use.NONE;
    }
    // JDK 25 and later: an AOT cache (JEP 483/514: classes loaded and linked, plus method profiles);
    // before that, a dynamic class-data archive
    boolean aot = featureVersion(java) >= 25;
    Path folder = project.root().resolve("target").resolve("lanes-cds");
    String key = key(java, archived);
    Path archive = folder.resolve(key + (aot ? ".aot" : ".jsa"));
    List<String> quiet = aot ? List.of("-Xlog:aot*=off:stderr", "-Xlog:cds*=off:stderr", "-Xlog:class+path*=off:stderr")
        : List.of("-Xlog:cds*=off:stderr", "-Xlog:class+path*=off:stderr");
    if (Files.isRegularFile(archive)) {
      List<String> flags = new ArrayList<>(aot ? List.of("-XX:AOTCache=" + archive)
          : List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto"));
      flags.addAll(quiet);
      return new Use(flags);
    }
    if (!Files.exists(folder.resolve(key + ".failed"))) {
      training.computeIfAbsent(archive, a -> train(java, archived, front, jvmFlags, quiet, aot, a, warn));
    }
    return Use.NONE;
  }

  /**
   * Waits (a while) for the training JVMs still at work, then ends them: the pool is closing. Returns once each one's
   * archive is in place (or given up), so the next run finds it.
   */
  void close() {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(TRAINING_WAIT_MILLIS);
    for (Process process : training.values()) {
      if (process == null) {
        continue;
      }
      java.util.concurrent.CompletableFuture<Void> done = finished.getOrDefault(process,
          java.util.concurrent.CompletableFuture.completedFuture(null));
      try {
        done.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        process.destroyForcibly();
        awaitQuietly(done);
      } catch (java.util.concurrent.ExecutionException e) {
        // finishing failed: no archive this time
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }

  private static void awaitQuietly(java.util.concurrent.CompletableFuture<Void> done) {
    try {
      done.get(5, TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      // given up: the next run tries again
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Process train(Path java, List<Path> archived, List<Path> front, List<String> jvmFlags, List<String> quiet,
                        boolean aot, Path archive, Consumer<String> warn) {
    Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    Path log = archive.resolveSibling(archive.getFileName() + ".training.log");
    List<String> command = new ArrayList<>(List.of(java.toString()));
    // a Java agent cannot be on while an archive is written, and is not needed to write one
    jvmFlags.stream().filter(flag -> !flag.startsWith("-javaagent:") && !flag.startsWith("-agentlib:")
        && !flag.startsWith("-agentpath:")).forEach(command::add);
    command.add(aot ? "-XX:AOTCacheOutput=" + partial : "-XX:ArchiveClassesAtExit=" + partial);
    command.addAll(quiet);
    command.add("-cp");
    command.add(archived.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    command.add(TrainMain.class.getName());
    command.add(front.stream().map(Path::toString).collect(Collectors.joining(File.pathSeparator)));
    try {
      Files.createDirectories(archive.getParent());
      Process process = Reaper.start(new ProcessBuilder(command).directory(archive.getParent().toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile()));
      Runnable kill = process::destroyForcibly;
      Reaper.add(kill);
      finished.put(process, process.onExit().thenRun(() -> {
        Reaper.remove(kill);
        finish(process, partial, archive, log, warn);
      }));
      return process;
    } catch (IOException e) {
      return null; // no archive this time; a later run tries again
    }
  }

  private void finish(Process process, Path partial, Path archive, Path log, Consumer<String> warn) {
    try {
      int code = process.exitValue();
      if (code == 0 && Files.isRegularFile(partial) && Files.size(partial) > 0) {
        try {
          Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.deleteIfExists(log);
        pruneOld(archive.getParent());
      } else if (code != 0 && code != 137 && code != 143) { // not ended by the pool's close
        failed(process, archive, log, code, warn);
      } else {
        Files.deleteIfExists(log);
      }
    } catch (IOException e) {
      // no archive this time; a later run makes one
    } finally {
      try {
        Files.deleteIfExists(partial);
      } catch (IOException e) {
        partial.toFile().deleteOnExit();
      }
    }
  }

  /**
   * A training JVM that failed. One that crashed (a signal, or a crash report of the JVM's) leaves a note: that class
   * path goes without an archive from now on, and the run says why. One that merely would not start (a JVM flag of
   * the project's this JDK refuses: the workers fail with the same message) is tried again on the next run.
   */
  private static void failed(Process process, Path archive, Path log, int code, Consumer<String> warn)
      throws IOException {
    Path crash = archive.getParent().resolve("hs_err_pid" + process.pid() + ".log");
    List<String> tail = Files.isRegularFile(log) ? Files.readAllLines(log) : List.of();
    tail = tail.subList(Math.max(0, tail.size() - 10), tail.size());
    if (code < 128 && !Files.exists(crash)) {
      Files.deleteIfExists(log);
      return;
    }
    String key = archive.getFileName().toString().replaceFirst("\\.(jsa|aot)$", "");
    Path note = archive.resolveSibling(key + ".failed");
    Files.writeString(note, "The JVM writing the class-data archive " + archive.getFileName() + " exited with code "
        + code + (Files.exists(crash) ? "; its crash report: " + crash : "") + "\n" + String.join("\n", tail) + "\n");
    warn.accept("the JVM writing the class-data archive for this class path exited with code " + code
        + (Files.exists(crash) ? " (crash report: " + crash + ")" : "") + "; workers of this class path run without"
        + " an archive from now on (delete " + note + " to try again, or set classDataSharing = false).");
  }

  /** Archives of class paths and JDKs no longer used pile up as jars change: the newest few are kept. */
  private static void pruneOld(Path folder) {
    try (Stream<Path> archives = Files.list(folder)) {
      List<Path> old = archives.filter(p -> p.getFileName().toString().matches(".*\\.(jsa|aot)"))
          .sorted(java.util.Comparator.comparing(ClassDataArchives::modified).reversed()).skip(KEEP).toList();
      for (Path archive : old) {
        Files.deleteIfExists(archive);
      }
    } catch (IOException e) {
      // kept for now; pruned next time
    }
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0;
    }
  }

  /** The feature version of the JDK {@code java} belongs to, from its {@code release} file (0 if unknown). */
  static int featureVersion(Path java) {
    Path release = java.toAbsolutePath().getParent().getParent().resolve("release");
    try (Stream<String> lines = Files.lines(release)) {
      return lines.filter(line -> line.startsWith("JAVA_VERSION=")).findFirst()
          .map(line -> line.replaceAll("JAVA_VERSION=\"?(1\\.)?(\\d+).*", "$2")).map(Integer::parseInt).orElse(0);
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  private static String key(Path java, List<Path> classpath) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      update(digest, java.toRealPath().toString());
      update(digest, Files.getLastModifiedTime(java.toRealPath()).toString());
      for (Path entry : classpath) {
        update(digest, entry.toAbsolutePath().toString());
        update(digest, Files.size(entry) + "@" + Files.getLastModifiedTime(entry).toMillis());
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 12);
    } catch (NoSuchAlgorithmException | IOException e) {
      return "unkeyed-" + Integer.toHexString(classpath.hashCode());
    }
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }
}
