package dev.lanes.pool.browser.provider;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a browser or driver prints, read on a thread of its own from start to end (a pipe nobody reads would
 * stop the browser once full): the first match of a pattern (where DevTools listens), and the last lines, for the
 * error of a browser that did not start or died. Chromium's harmless complaints (no D-Bus here, the Debian
 * wrapper's shell noise) are left out.
 */
public final class ProcessOutput {
  private static final Pattern NOISE = Pattern.compile(
      "dbus|bus\\.cc|unexpected operator|Fontconfig|sandbox_linux|gpu_init|viz_main|Xlib|ALSA|"
          + "object_proxy|Unable to find CDP|^\\s*$");
  private static final int KEEP = 20;

  private final Deque<String> last = new ArrayDeque<>();
  private final CompletableFuture<String> match = new CompletableFuture<>();
  private final Pattern pattern;

  private ProcessOutput(Pattern pattern) {
    this.pattern = pattern;
  }

  /** Reads {@code output} until it ends; {@link #await} gives group 1 of {@code pattern}'s first match. */
  public static ProcessOutput read(InputStream output, Pattern pattern, String threadName) {
    ProcessOutput reader = new ProcessOutput(pattern);
    Thread thread = new Thread(() -> reader.drain(output), threadName);
    thread.setDaemon(true);
    thread.start();
    return reader;
  }

  private void drain(InputStream output) {
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(output, StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        if (pattern != null && !match.isDone()) {
          Matcher m = pattern.matcher(line);
          if (m.find()) {
            match.complete(m.group(1));
            continue;
          }
        }
        if (!NOISE.matcher(line).find()) {
          synchronized (last) {
            last.addLast(line);
            if (last.size() > KEEP) {
              last.removeFirst();
            }
          }
        }
      }
    } catch (IOException ignored) {
      // the process ended
    }
    match.completeExceptionally(new IOException("the process ended" + lastLines()));
  }

  /** Group 1 of the pattern's first match; fails when the output ends first or after {@code timeout}. */
  public String await(Duration timeout) throws IOException {
    try {
      return match.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IOException(e.getCause().getMessage(), e.getCause());
    } catch (TimeoutException e) {
      throw new IOException("nothing after " + timeout.toSeconds() + "s" + lastLines());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted");
    }
  }

  /** The last lines printed, as ": \n  line\n  line", or "" when there are none. */
  public String lastLines() {
    synchronized (last) {
      return last.isEmpty() ? "" : "; its last output:\n  " + String.join("\n  ", last);
    }
  }
}
