package dev.lanes.pool.forks;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BiConsumer;

/**
 * Drains one of a worker's output streams (its raw stdout or stderr: what native code, the JVM itself
 * or a test writing to the file descriptor put there) so the worker never blocks on a full pipe. Each
 * chunk goes to a consumer that may keep it; the last lines are kept here for the report of a crash.
 */
final class ProcessOutput {
  private static final int TAIL_LINES = 30;
  private static final int MAX_LINE = 1000;

  private final Thread thread;
  private final Deque<String> tail = new ArrayDeque<>();
  private final StringBuilder partial = new StringBuilder();

  ProcessOutput(InputStream stream, String threadName, Charset charset, BiConsumer<String, Integer> chunks) {
    this.thread = new Thread(() -> drain(stream, charset, chunks), threadName);
    thread.setDaemon(true);
    thread.start();
  }

  private void drain(InputStream stream, Charset charset, BiConsumer<String, Integer> chunks) {
    byte[] buffer = new byte[16 * 1024];
    try (stream) {
      for (int read = stream.read(buffer); read >= 0; read = stream.read(buffer)) {
        String text = new String(buffer, 0, read, charset);
        remember(text);
        chunks.accept(text, read);
      }
    } catch (IOException e) {
      // the worker is gone; what it wrote so far is kept
    }
  }

  private synchronized void remember(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n') {
        endLine();
      } else if (c != '\r' && partial.length() < MAX_LINE) {
        partial.append(c);
      }
    }
  }

  private void endLine() {
    tail.addLast(partial.toString());
    partial.setLength(0);
    if (tail.size() > TAIL_LINES) {
      tail.removeFirst();
    }
  }

  /** Waits (a little) for the stream to end, so a crash report has the last words. */
  void awaitEnd(long millis) {
    try {
      thread.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The last lines written, oldest first. */
  synchronized String tail() {
    StringBuilder text = new StringBuilder();
    tail.forEach(line -> text.append(line).append('\n'));
    text.append(partial);
    return text.toString().strip();
  }
}
