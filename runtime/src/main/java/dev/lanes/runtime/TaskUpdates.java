package dev.lanes.runtime;

import dev.lanes.spi.protocol.RuntimeRpc;
import dev.lanes.spi.protocol.TaskEvent;
import dev.lanes.spi.protocol.TaskEventPack;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskResultPack;
import java.util.ArrayList;
import java.util.List;

/**
 * Task results and events on their way to the host, sent at most every {@value #THROTTLE_MILLIS} ms
 * (Vitest's throttle) and flushed at the end of every file (and, for workers that may die silently, when
 * a test starts).
 */
public final class TaskUpdates {
  static final long THROTTLE_MILLIS = 100;

  private final RuntimeRpc rpc;
  private final List<TaskResultPack> packs = new ArrayList<>();
  private final List<TaskEventPack> events = new ArrayList<>();
  private final boolean startsAtOnce;
  private long lastSent = System.nanoTime();

  /** {@code startsAtOnce}: a test's start is sent at once, not batched (see {@link WorkerLoop}). */
  public TaskUpdates(RuntimeRpc rpc, boolean startsAtOnce) {
    this.rpc = rpc;
    this.startsAtOnce = startsAtOnce;
  }

  /** Queues a result (may be {@code null}) and an event (may be {@code null}) of one task. */
  public synchronized void add(String taskId, TaskResult result, TaskEvent event) {
    if (result != null) {
      packs.add(new TaskResultPack(taskId, result));
    }
    if (event != null) {
      events.add(new TaskEventPack(taskId, event));
    }
    // a test's start may go out at once: if the worker dies in it, the host knows which test it was
    if ((startsAtOnce && event == TaskEvent.TEST_PREPARE) || System.nanoTime() - lastSent >= THROTTLE_MILLIS * 1_000_000) {
      flush();
    }
  }

  /** Sends everything queued, now. */
  public synchronized void flush() {
    if (packs.isEmpty() && events.isEmpty()) {
      return;
    }
    rpc.onTaskUpdate(List.copyOf(packs), List.copyOf(events));
    packs.clear();
    events.clear();
    lastSent = System.nanoTime();
  }
}
