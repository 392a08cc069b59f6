package dev.lanes.pool.threads;

import dev.lanes.spi.Coverage;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.jacoco.core.data.ExecutionDataWriter;
import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.LoggerRuntime;
import org.jacoco.core.runtime.RuntimeData;

/**
 * Coverage where no agent can be added: the in-process pools run tests in a JVM already running (Maven's, or
 * {@code lanes}'), so their class loaders instrument the project's classes as they define them, with JaCoCo's own
 * {@link Instrumenter} and a {@link LoggerRuntime} (which reaches the instrumented classes through
 * {@code java.util.logging}, whatever loader they are in). JaCoCo keys a class's data by the id of its original bytes,
 * so the fresh loaders of every file add up to one class's data. One runtime serves the JVM; each pool writes what it
 * collected when it closes, appended (under a file lock, as JaCoCo's agent appends) to the run's data file.
 */
final class InProcessCoverage {
  private static final Object LOCK = new Object();
  private static RuntimeData data;
  private static Instrumenter instrumenter;
  private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();
  private static volatile Consumer<String> warn = message -> { };

  private InProcessCoverage() {
  }

  /** Where a class JaCoCo cannot instrument is told: the pool's logger. */
  static void warnTo(Consumer<String> logger) {
    warn = logger;
  }

  /**
   * {@code original}, instrumented when {@code coverage} measures {@code className}; a class JaCoCo cannot instrument
   * is loaded as it is, with a warning, once.
   */
  static byte[] instrument(byte[] original, String className, Coverage coverage) {
    if (!coverage.measures(className)) {
      return original;
    }
    try {
      return instrumenter().instrument(original, className);
    } catch (IOException | RuntimeException e) {
      if (WARNED.add(className)) {
        warn.accept("JaCoCo cannot instrument " + className + " (" + e.getMessage() + "); it runs without coverage");
      }
      return original;
    }
  }

  private static Instrumenter instrumenter() {
    synchronized (LOCK) {
      if (instrumenter == null) {
        LoggerRuntime runtime = new LoggerRuntime();
        data = new RuntimeData();
        try {
          runtime.startup(data);
        } catch (Exception e) {
          throw new IllegalStateException("JaCoCo's runtime cannot start: " + e.getMessage(), e);
        }
        instrumenter = new Instrumenter(runtime);
      }
      return instrumenter;
    }
  }

  /** Appends what the JVM's instrumented classes collected to {@code dataFile}, and starts afresh. */
  static void write(Path dataFile) throws IOException {
    synchronized (LOCK) {
      if (data == null) {
        return;
      }
      Files.createDirectories(dataFile.toAbsolutePath().getParent());
      try (FileOutputStream out = new FileOutputStream(dataFile.toFile(), true);
           FileLock lock = out.getChannel().lock()) {
        ExecutionDataWriter writer = new ExecutionDataWriter(out);
        data.collect(writer, writer, true);
        out.flush();
      }
    }
  }
}
