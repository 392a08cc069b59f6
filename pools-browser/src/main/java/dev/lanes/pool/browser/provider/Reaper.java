package dev.lanes.pool.browser.provider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts a browser (or a driver) so that it cannot outlive this JVM: through a small shell script that runs it in
 * a session of its own and, once its standard input closes — when {@link #end} closes it, and just as well when
 * this JVM dies, even by {@code kill -9} — ends every process of that session and deletes the launch's folder.
 * The process tree of a browser also holds processes that are not its descendants any more (Chromium's crash
 * handlers), which is why it goes by session, not by tree.
 */
public final class Reaper {
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
    Files.createDirectories(folder.resolve("tmp"));
    Path script = folder.resolve("reaper.sh");
    try (InputStream in = Reaper.class.getResourceAsStream("reaper.sh")) {
      if (in == null) {
        throw new IOException("reaper.sh is missing from the pool's jar");
      }
      Files.copy(in, script);
    }
    List<String> full = new ArrayList<>(List.of("/bin/sh", script.toString(), folder.toString()));
    full.addAll(command);
    ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
    builder.environment().putAll(environment);
    builder.environment().put("TMPDIR", folder.resolve("tmp").toString());
    return new Reaper(builder.start(), folder);
  }

  /**
   * An executable script in {@code folder} that runs {@code executable} with its arguments under the reaper, for a
   * library that starts the process itself (Selenium starts chromedriver): whatever it starts cannot outlive this
   * JVM either, and {@code folder} goes with it.
   */
  public static Path wrapper(Path folder, Path executable) throws IOException {
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
    Path wrapper = folder.resolve(executable.getFileName() + "-reaped");
    Files.writeString(wrapper, "#!/bin/sh\nexport TMPDIR=" + quote(folder.resolve("tmp").toString())
        + "\nexec /bin/sh " + quote(script.toString()) + " " + quote(folder.toString()) + " "
        + quote(executable.toString()) + " \"$@\"\n");
    wrapper.toFile().setExecutable(true, true);
    return wrapper;
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
