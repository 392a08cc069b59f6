package dev.lanes.runtime;

import dev.lanes.spi.protocol.UserConsoleLog;
import dev.lanes.spi.protocol.UserConsoleLog.ConsoleStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Collects what each task prints, per task and stream, bounded so a test that floods stdout cannot
 * exhaust the worker's memory. Thread-safe: tests on several threads print at once.
 */
public final class ConsoleCapture {
  static final int MAX_CHARS_PER_TASK = 1024 * 1024;

  private final ThreadLocal<BiConsumer<Boolean, String>> sink;
  private final Map<String, Buffer> buffers = new LinkedHashMap<>();

  public ConsoleCapture(ThreadLocal<BiConsumer<Boolean, String>> sink) {
    this.sink = sink;
  }

  /** From now on, what this thread (and threads it starts) prints belongs to {@code taskId}; returns the previous owner's sink. */
  public BiConsumer<Boolean, String> attribute(String taskId) {
    BiConsumer<Boolean, String> previous = sink.get();
    sink.set((stderr, text) -> append(taskId, stderr, text));
    return previous;
  }

  /** Gives this thread's output back to {@code previous} (may be {@code null}: the real console). */
  public void restore(BiConsumer<Boolean, String> previous) {
    if (previous == null) {
      sink.remove();
    } else {
      sink.set(previous);
    }
  }

  /** Takes what {@code taskId} printed so far, stdout first. */
  public List<UserConsoleLog> drain(String taskId, Optional<String> reportedTaskId) {
    Buffer buffer;
    synchronized (buffers) {
      buffer = buffers.remove(taskId);
    }
    List<UserConsoleLog> logs = new ArrayList<>();
    if (buffer != null) {
      long now = System.currentTimeMillis();
      synchronized (buffer) {
        if (buffer.out.length() > 0) {
          logs.add(new UserConsoleLog(buffer.text(buffer.out, buffer.outDropped), ConsoleStream.STDOUT, reportedTaskId, now));
        }
        if (buffer.err.length() > 0) {
          logs.add(new UserConsoleLog(buffer.text(buffer.err, buffer.errDropped), ConsoleStream.STDERR, reportedTaskId, now));
        }
      }
    }
    return logs;
  }

  private void append(String taskId, boolean stderr, String text) {
    Buffer buffer;
    synchronized (buffers) {
      buffer = buffers.computeIfAbsent(taskId, id -> new Buffer());
    }
    synchronized (buffer) {
      StringBuilder target = stderr ? buffer.err : buffer.out;
      int room = MAX_CHARS_PER_TASK - target.length();
      if (room >= text.length()) {
        target.append(text);
      } else {
        target.append(text, 0, Math.max(room, 0));
        if (stderr) {
          buffer.errDropped += text.length() - Math.max(room, 0);
        } else {
          buffer.outDropped += text.length() - Math.max(room, 0);
        }
      }
    }
  }

  private static final class Buffer {
    final StringBuilder out = new StringBuilder();
    final StringBuilder err = new StringBuilder();
    long outDropped;
    long errDropped;

    String text(StringBuilder builder, long dropped) {
      return dropped == 0 ? builder.toString()
          : builder + "\n[lanes] output truncated: " + dropped + " more characters were dropped\n";
    }
  }
}
