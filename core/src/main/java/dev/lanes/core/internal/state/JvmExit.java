package dev.lanes.core.internal.state;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How Lanes ends its JVM. A test in an in-process pool can leave a shutdown hook that never returns, which would keep
 * {@code System.exit} — and every later signal — waiting forever: the hooks get {@code teardownTimeout}, then the
 * threads of tests still running are named in a warning and the JVM is halted with the run's exit code. A second
 * exit (a second Ctrl-C while the first one's reports are written) waits for the first: it must not cut the reports
 * short, and the first is bounded anyway.
 */
public final class JvmExit {
  private static final AtomicBoolean EXITING = new AtomicBoolean();
  private static volatile Duration bound = Duration.ofSeconds(10);

  private JvmExit() {
  }

  /** How long shutdown hooks may take: the run's {@code teardownTimeout}. */
  public static void bound(Duration teardownTimeout) {
    bound = teardownTimeout;
  }

  /** Ends the JVM with {@code status}, its shutdown hooks given the bound; never returns. */
  public static void exit(int status) {
    if (!EXITING.compareAndSet(false, true)) {
      System.exit(status); // blocks until the first exit, whose watchdog bounds it, ends the JVM
    }
    Duration limit = bound;
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(limit.toMillis());
      } catch (InterruptedException e) {
        return;
      }
      PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
      err.println(warning(limit, Thread.getAllStackTraces()));
      err.flush();
      Runtime.getRuntime().halt(status);
    }, "lanes-exit");
    watchdog.setDaemon(true);
    watchdog.start();
    System.exit(status);
  }

  /** What is still running: the threads whose stacks hold code of a test (not the JDK's, not Lanes'). */
  static String warning(Duration limit, Map<Thread, StackTraceElement[]> threads) {
    List<String> running = new ArrayList<>();
    threads.forEach((thread, stack) -> firstOwnFrame(stack).ifPresent(frame -> running.add("  \"" + thread.getName()
        + "\"" + (thread.isDaemon() ? " (daemon)" : "") + " at " + frame.getClassName() + "." + frame.getMethodName()
        + "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")")));
    running.sort(null);
    return "WARNING: Lanes did not end within teardownTimeout (" + format(limit) + ") of the run's end: a shutdown"
        + " hook or a thread that a test left did not return" + (running.isEmpty() ? "." : ":\n" + String.join("\n",
        running)) + "\nLanes ended the JVM; the run's exit code stands. A test should remove the hooks it adds"
        + " (Runtime.removeShutdownHook) and end its threads, or run in forks/vmForks.";
  }

  private static Optional<StackTraceElement> firstOwnFrame(StackTraceElement[] stack) {
    for (StackTraceElement frame : stack) {
      String type = frame.getClassName();
      if (!(type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.")
          || type.startsWith("sun.") || type.startsWith("com.sun.") || type.startsWith("dev.lanes."))) {
        return Optional.of(frame);
      }
    }
    return Optional.empty();
  }

  private static String format(Duration duration) {
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }
}
