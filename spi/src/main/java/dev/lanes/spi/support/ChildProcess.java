package dev.lanes.spi.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A process a pool starts that cannot outlive the run: it runs in a session of its own under a small keeper script,
 * which ends every process of that session when the command exits, when {@link #end()} is called, and just as well
 * when the JVM that started it dies, even by {@code kill -9} (the keeper's standard input closes then). What the
 * forked workers get from their channel, for any command: a test script, a JVM of a library's own, a server.
 * POSIX only ({@code setsid}, {@code pkill}). The command's standard input is empty.
 *
 * <pre>{@code
 * ChildProcess child = ChildProcess.start(new ProcessBuilder("sh", "tests/math.t").directory(root.toFile()));
 * String output = new String(child.output().readAllBytes());
 * int exit = child.waitFor();
 * }</pre>
 */
public final class ChildProcess implements AutoCloseable {
  private static Path script;

  private final Process keeper;

  private ChildProcess(Process keeper) {
    this.keeper = keeper;
  }

  /** Starts {@code builder}'s command (its folder, environment and output redirection as given) under a keeper. */
  public static ChildProcess start(ProcessBuilder builder) throws IOException {
    Path folder = Files.createTempDirectory("lanes-child"); // this user's only: the session's id and exit code
    List<String> command = new ArrayList<>(List.of("/bin/sh", script().toString(), folder.toString()));
    command.addAll(builder.command());
    ProcessBuilder kept = new ProcessBuilder(command).directory(builder.directory())
        .redirectErrorStream(builder.redirectErrorStream()).redirectOutput(builder.redirectOutput())
        .redirectError(builder.redirectError());
    kept.environment().clear();
    kept.environment().putAll(builder.environment());
    return new ChildProcess(kept.start());
  }

  /** How a command run to its end ended: its exit code and all it printed, both streams. */
  public record Ended(int exitCode, String output) {
  }

  /** Runs {@code builder}'s command to its end, as {@link #start} starts it, its standard error in its output. */
  public static Ended run(ProcessBuilder builder) throws IOException, InterruptedException {
    try (ChildProcess child = start(builder.redirectErrorStream(true))) {
      String output = new String(child.output().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return new Ended(child.waitFor(), output);
    }
  }

  /** What the command writes to its standard output (and its errors, with {@code redirectErrorStream}). */
  public InputStream output() {
    return keeper.getInputStream();
  }

  /** What the command writes to its standard error. */
  public InputStream errors() {
    return keeper.getErrorStream();
  }

  /** Waits for the command to end; its exit code, 128 + the signal's number if a signal ended it. */
  public int waitFor() throws InterruptedException {
    return keeper.waitFor();
  }

  public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
    return keeper.waitFor(timeout, unit);
  }

  public boolean isAlive() {
    return keeper.isAlive();
  }

  /** Ends the command and every process it started, and waits for that (a few seconds at most). */
  public void end() {
    try {
      keeper.getOutputStream().close(); // the keeper's signal to end the session
    } catch (IOException ignored) {
      // closed already: it is ending
    }
    try {
      if (!keeper.waitFor(6, TimeUnit.SECONDS)) {
        keeper.descendants().forEach(ProcessHandle::destroyForcibly);
        keeper.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      keeper.descendants().forEach(ProcessHandle::destroyForcibly);
      keeper.destroyForcibly();
    }
  }

  @Override
  public void close() {
    end();
  }

  /** The keeper script, written once per JVM to a folder of this user's. */
  private static synchronized Path script() throws IOException {
    if (script == null || !Files.exists(script)) {
      Path folder = Files.createTempDirectory("lanes-keeper");
      Path copy = folder.resolve("child.sh");
      try (InputStream in = ChildProcess.class.getResourceAsStream("child.sh")) {
        if (in == null) {
          throw new UncheckedIOException(new IOException("child.sh is missing from lanes-spi's jar"));
        }
        Files.copy(in, copy);
      }
      copy.toFile().deleteOnExit();
      folder.toFile().deleteOnExit();
      script = copy;
    }
    return script;
  }
}
