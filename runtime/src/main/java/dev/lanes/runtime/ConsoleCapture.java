package dev.lanes.runtime;

import dev.lanes.spi.protocol.UserConsoleLog;
import dev.lanes.spi.protocol.UserConsoleLog.ConsoleStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * Collects what each task prints, per task and stream, bounded so a test that floods stdout cannot
 * exhaust the worker's memory. Thread-safe: tests on several threads print at once. What a test prints is sent when
 * its task ends, or as soon as the test flushes {@code System.out} or {@code System.err} itself, so that a worker
 * that dies right after (a {@code Runtime.halt}, a crash in native code) leaves its output with the host.
 */
public final class ConsoleCapture {
  static final int MAX_CHARS_PER_TASK = 1024 * 1024;

  private final ThreadLocal<BiConsumer<Boolean, String>> sink;
  private final Consumer<UserConsoleLog> flushed;
  private final Map<String, Buffer> buffers = new LinkedHashMap<>();

  /** Output kept until {@link #drain}. */
  public ConsoleCapture(ThreadLocal<BiConsumer<Boolean, String>> sink) {
    this(sink, log -> {
    });
  }

  /** Output kept until {@link #drain}, or handed to {@code flushed} when the test flushes the stream. */
  public ConsoleCapture(ThreadLocal<BiConsumer<Boolean, String>> sink, Consumer<UserConsoleLog> flushed) {
    this.sink = sink;
    this.flushed = flushed;
  }

  /** From now on, what this thread (and threads it starts) prints belongs to {@code taskId}; returns the previous owner's sink. */
  public BiConsumer<Boolean, String> attribute(String taskId) {
    BiConsumer<Boolean, String> previous = sink.get();
    sink.set((stderr, text) -> {
      if (text == null) {
        take(taskId, Optional.of(taskId), false).forEach(flushed);
      } else {
        append(taskId, stderr, text);
      }
    });
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

  /** Takes what {@code taskId} printed since it was last taken, stdout first; the task's output ends here. */
  public List<UserConsoleLog> drain(String taskId, Optional<String> reportedTaskId) {
    return take(taskId, reportedTaskId, true);
  }

  private List<UserConsoleLog> take(String taskId, Optional<String> reportedTaskId, boolean end) {
    Buffer buffer;
    synchronized (buffers) {
      buffer = end ? buffers.remove(taskId) : buffers.get(taskId);
    }
    List<UserConsoleLog> logs = new ArrayList<>();
    if (buffer != null) {
      long now = System.currentTimeMillis();
      synchronized (buffer) {
        buffer.out.take(end).ifPresent(text -> logs.add(new UserConsoleLog(text, ConsoleStream.STDOUT, reportedTaskId,
            now)));
        buffer.err.take(end).ifPresent(text -> logs.add(new UserConsoleLog(text, ConsoleStream.STDERR, reportedTaskId,
            now)));
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
      (stderr ? buffer.err : buffer.out).append(text);
    }
  }

  private static final class Buffer {
    final Stream out = new Stream();
    final Stream err = new Stream();
  }

  /** One stream of a task: what was printed and not yet taken, within the task's bound (sent text counts too). */
  private static final class Stream {
    final StringBuilder pending = new StringBuilder();
    long kept;
    long dropped;

    void append(String text) {
      long room = MAX_CHARS_PER_TASK - kept;
      int taken = (int) Math.min(Math.max(room, 0), text.length());
      pending.append(text, 0, taken);
      kept += taken;
      dropped += text.length() - taken;
    }

    Optional<String> take(boolean end) {
      String note = end && dropped > 0 ? "\n[lanes] output truncated: " + dropped + " more characters were dropped\n"
          : "";
      if (pending.length() == 0 && note.isEmpty()) {
        return Optional.empty();
      }
      String text = pending + note;
      pending.setLength(0);
      return Optional.of(text);
    }
  }
}
