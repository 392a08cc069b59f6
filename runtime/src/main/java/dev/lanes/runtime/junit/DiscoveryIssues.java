package dev.lanes.runtime.junit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The discovery issues the JUnit Platform reports (5.13 and later: a private {@code @Test} method, a malformed
 * {@code @MethodSource}, …), caught where the launcher logs them and told as the file's own output, once, instead of
 * a time-stamped log record printed before the file has a name, and again when it runs. Critical ones (at or above
 * {@code junit.platform.discovery.issue.severity.critical}) fail their file on their own, with the same text. On
 * older platforms nothing is logged and nothing is caught.
 *
 * <p>The launcher logs on the thread that discovers or executes, so a runner catches on its own thread only; the
 * handler is on the JVM's one logger of that name while a runner of this copy of the runtime is open, and gone after
 * (an in-process worker's class loader must not stay reachable from the JVM's logging).
 */
final class DiscoveryIssues {
  private static final String NOTIFIER = "org.junit.platform.launcher.core.DiscoveryIssueNotifier";
  private static final ThreadLocal<List<String>> CATCHING = new ThreadLocal<>();
  private static final Handler HANDLER = new Handler() {
    @Override
    public void publish(LogRecord record) {
      List<String> caught = CATCHING.get();
      if (caught != null && record != null && record.getMessage() != null
          && record.getLevel().intValue() >= Level.INFO.intValue()) {
        caught.add(record.getMessage());
      }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
  };
  private static Logger logger;
  private static int runners;

  private DiscoveryIssues() {
  }

  /** A runner opens: the launcher's issue log goes to the runners that catch it, not to the console. */
  static synchronized void open() {
    if (runners++ == 0) {
      logger = Logger.getLogger(NOTIFIER);
      logger.addHandler(HANDLER);
      logger.setUseParentHandlers(false);
    }
  }

  /** A runner closes; after the last, the logger is as it was. */
  static synchronized void close() {
    if (runners > 0 && --runners == 0) {
      logger.removeHandler(HANDLER);
      if (logger.getHandlers().length == 0) {
        logger.setUseParentHandlers(true);
      }
      logger = null;
    }
  }

  /** Starts catching on this thread, for one file. */
  static void start() {
    CATCHING.set(new ArrayList<>());
  }

  /** The issues caught on this thread since {@link #start} and not in {@code alreadyTold}, each once, in order. */
  static List<String> take(Set<String> alreadyTold) {
    List<String> caught = CATCHING.get();
    if (caught == null) {
      return List.of();
    }
    Set<String> fresh = new LinkedHashSet<>(caught);
    caught.clear();
    fresh.removeAll(alreadyTold);
    alreadyTold.addAll(fresh);
    return List.copyOf(fresh);
  }

  /** Stops catching on this thread. */
  static void stop() {
    CATCHING.remove();
  }
}
