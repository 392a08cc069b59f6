package dev.lanes.pool.browser.provider;

import java.io.Closeable;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * Starts a browser (or a driver) so that it cannot outlive this JVM: through a small shell script that runs it in
 * a session of its own and, once its standard input closes — when {@link #end} closes it, and just as well when
 * this JVM dies, even by {@code kill -9} — ends every process of that session and deletes the launch's folder.
 * The process tree of a browser also holds processes that are not its descendants any more (Chromium's crash
 * handlers), which is why it goes by session, not by tree.
 */
public final class Reaper {
  private static final String PIPE_IN = "pipe.in";
  private static final String PIPE_OUT = "pipe.out";

  private final Process process;
  private final Path folder;

  private Reaper(Process process, Path folder) {
    this.process = process;
    this.folder = folder;
  }

  /**
   * Starts {@code command} with {@code folder}'s {@code tmp} as its {@code TMPDIR}; its standard output and error
   * are this reaper's {@link #output()}.
   */
  public static Reaper start(List<String> command, Path folder, Map<String, String> environment) throws IOException {
    return start(List.of(), command, folder, environment);
  }

  /**
   * As {@link #start}, and the command's file descriptors 3 and 4 are a pipe to and from this JVM, which
   * {@link #openPipe} opens: two FIFOs in {@code folder} that only this user may open. Chromium's
   * {@code --remote-debugging-pipe} speaks DevTools over them, with no port that another local user could reach.
   */
  public static Reaper startWithPipe(List<String> command, Path folder, Map<String, String> environment)
      throws IOException {
    Files.createDirectories(folder);
    Process mkfifo = new ProcessBuilder("mkfifo", "-m", "600", folder.resolve(PIPE_IN).toString(),
        folder.resolve(PIPE_OUT).toString()).redirectErrorStream(true).start();
    try {
      String said = new String(mkfifo.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      if (mkfifo.waitFor() != 0) {
        throw new IOException("mkfifo could not make the browser's pipe in " + folder + ": " + said.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while making the browser's pipe");
    }
    return start(List.of("--pipe"), command, folder, environment);
  }

  private static Reaper start(List<String> flags, List<String> command, Path folder, Map<String, String> environment)
      throws IOException {
    Path script = script(folder);
    List<String> full = new ArrayList<>(List.of("/bin/sh", script.toString()));
    full.addAll(flags);
    full.add(folder.toString());
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    builder.environment().putAll(environment);
    builder.environment().put("TMPDIR", folder.resolve("tmp").toString());
    return new Reaper(builder.start(), folder);
  }

  /** The two ends of a command's pipe: what this JVM writes to its descriptor 3 and reads from its descriptor 4. */
  public record Pipe(OutputStream toCommand, InputStream fromCommand) implements Closeable {
    @Override
    public void close() {
      try (toCommand; fromCommand) {
        // both closed, the first failure aside
      } catch (IOException ignored) {
        // closed already
      }
    }
  }

  /**
   * Opens the pipe of a command started with {@link #startWithPipe}, once the command has opened its ends; fails if
   * it ends first or takes longer than {@code timeout}.
   */
  public Pipe openPipe(Duration timeout) throws IOException {
    Path in = folder.resolve(PIPE_IN);
    Path out = folder.resolve(PIPE_OUT);
    CompletableFuture<Pipe> opened = new CompletableFuture<>();
    Thread opener = new Thread(() -> {
      try {
        OutputStream toCommand = new FileOutputStream(in.toFile()); // each open waits for the command's end
        opened.complete(new Pipe(toCommand, new FileInputStream(out.toFile())));
      } catch (IOException | RuntimeException e) {
        opened.completeExceptionally(e);
      }
    }, "lanes-browser-pipe");
    opener.setDaemon(true);
    opener.start();
    long deadline = System.nanoTime() + timeout.toNanos();
    try {
      while (true) {
        try {
          return opened.get(50, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
          if (!process.isAlive() || System.nanoTime() > deadline) {
            giveUp(opened, in, out);
            throw new IOException(process.isAlive()
                ? "it did not open its end of the DevTools pipe within " + timeout.toSeconds() + "s"
                : "it ended before it opened its end of the DevTools pipe");
          }
        }
      }
    } catch (ExecutionException e) {
      throw new IOException("the DevTools pipe could not be opened: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      giveUp(opened, in, out);
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("interrupted while opening the browser's pipe");
    }
  }

  /**
   * Frees an opener blocked on a FIFO that the command never opened: on Linux, opening a FIFO for reading and
   * writing at once never blocks, and counts as the missing other end.
   */
  private static void giveUp(CompletableFuture<Pipe> opened, Path in, Path out) {
    opened.thenAccept(Pipe::close);
    for (int i = 0; i < 20 && !opened.isDone(); i++) {
      for (Path fifo : List.of(in, out)) {
        try (java.io.RandomAccessFile unblock = new java.io.RandomAccessFile(fifo.toFile(), "rw")) {
          // opened and closed: the blocked open has its other end
        } catch (IOException ignored) {
          // deleted meanwhile: nothing blocks on it any more
        }
      }
      try {
        opened.get(50, TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException | InterruptedException ignored) {
        // try again, or done
      }
    }
  }

  /**
   * An executable script in {@code folder} that runs {@code executable} with its arguments under the reaper, for a
   * library that starts the process itself (Selenium starts chromedriver): whatever it starts cannot outlive this
   * JVM either, and {@code folder} goes with it.
   */
  public static Path wrapper(Path folder, Path executable) throws IOException {
    Path script = script(folder);
    Path wrapper = folder.resolve(executable.getFileName() + "-reaped");
    Files.writeString(wrapper, "#!/bin/sh\nexport TMPDIR=" + quote(folder.resolve("tmp").toString())
        + "\nexec /bin/sh " + quote(script.toString()) + " " + quote(folder.toString()) + " "
        + quote(executable.toString()) + " \"$@\"\n");
    wrapper.toFile().setExecutable(true, true);
    return wrapper;
  }

  /** The script, copied into {@code folder} (once), with the folder's {@code tmp} made beside it. */
  private static Path script(Path folder) throws IOException {
    Files.createDirectories(folder.resolve("tmp"));
    Path script = folder.resolve("reaper.sh");
    if (!Files.exists(script)) {
      try (InputStream in = Reaper.class.getResourceAsStream("reaper.sh")) {
        if (in == null) {
          throw new IOException("reaper.sh is missing from the pool's jar");
        }
        Files.copy(in, script);
      }
    }
    return script;
  }

  private static String quote(String text) {
    return "'" + text.replace("'", "'\\''") + "'";
  }

  /** What the command prints, both streams. */
  public InputStream output() {
    return process.getInputStream();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /** The script's process: its exit is the browser's. */
  public Process process() {
    return process;
  }

  /** Ends the command and its session, deletes the folder, and waits (a few seconds at most) for that. */
  public void end() {
    try {
      process.getOutputStream().close();
    } catch (IOException ignored) {
      // closed already: the script is ending anyway
    }
    try {
      if (!process.waitFor(6, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    delete(folder);
  }

  /** Deletes a folder and everything in it, quietly: what is left is reported by the pool's own check. */
  public static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException ignored) {
          // a file still being written by a process that is ending; the script deletes it after
        }
      });
    } catch (IOException | UncheckedIOException ignored) {
      // gone meanwhile
    }
  }
}
