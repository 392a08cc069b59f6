package dev.lanes.runtime;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;

/** A worker's threads and their stacks, for the report of a worker that stopped answering. */
final class ThreadDumps {
  private static final int MAX_FRAMES = 40;

  private ThreadDumps() {
  }

  /**
   * The threads that belong to the worker: those running with its class loader as context loader (the
   * threads it made, and those its tests started) or named after it. In a forked worker that is every
   * thread of the tests.
   */
  static String of(ClassLoader workerLoader, String workerThreadName) {
    StringBuilder dump = new StringBuilder();
    Map<Thread, StackTraceElement[]> stacks = Thread.getAllStackTraces();
    Map<Long, ThreadInfo> locks = lockInfo();
    stacks.keySet().stream()
        .filter(thread -> thread.getContextClassLoader() == workerLoader || thread.getName().startsWith(workerThreadName))
        .filter(thread -> !thread.getName().endsWith("-inbox") && thread != Thread.currentThread())
        .sorted(Comparator.comparing(Thread::getName))
        .forEach(thread -> {
          dump.append('"').append(thread.getName()).append('"').append(thread.isDaemon() ? " daemon" : "")
              .append(" state=").append(thread.getState());
          ThreadInfo info = locks.get(thread.getId());
          if (info != null && info.getLockName() != null) {
            dump.append(" waiting on ").append(info.getLockName());
          }
          dump.append('\n');
          StackTraceElement[] frames = stacks.get(thread);
          Arrays.stream(frames).limit(MAX_FRAMES).forEach(frame -> dump.append("\tat ").append(frame).append('\n'));
          if (frames.length > MAX_FRAMES) {
            dump.append("\t... ").append(frames.length - MAX_FRAMES).append(" more\n");
          }
          dump.append('\n');
        });
    return dump.length() == 0 ? "(no threads of the worker are alive)" : dump.toString().stripTrailing();
  }

  private static Map<Long, ThreadInfo> lockInfo() {
    try {
      ThreadInfo[] infos = ManagementFactory.getThreadMXBean().dumpAllThreads(false, false);
      return Arrays.stream(infos).collect(java.util.stream.Collectors.toMap(ThreadInfo::getThreadId, info -> info,
          (a, b) -> a));
    } catch (RuntimeException | LinkageError e) {
      return Map.of();
    }
  }
}
