package dev.lanes.pool.forks;

import dev.lanes.spi.support.JvmEnding;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What must not outlive this JVM — worker processes, spare ones, their channel folders — and how to end
 * each at once. Run by a shutdown hook: Ctrl-C, a CI cancel, or an exit without closing the pool. Once the JVM is
 * ending nothing new starts: {@link #start} refuses, and what is added after the hook ran is ended at once.
 */
final class Reaper {
  private static final Set<Runnable> KILLS = ConcurrentHashMap.newKeySet();
  private static boolean ending; // guarded by Reaper.class

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      JvmEnding.begin();
      synchronized (Reaper.class) {
        ending = true;
      }
      KILLS.forEach(Runnable::run);
    }, "lanes-forks-cleanup"));
  }

  private Reaper() {
  }

  /** Starts a process of the pool's, unless the JVM is ending (then no worker, spare or training JVM may start). */
  static Process start(ProcessBuilder builder) throws IOException {
    synchronized (Reaper.class) {
      if (ending || JvmEnding.ending()) { // the latter as soon as a signal arrives, before the hooks run
        throw new IOException("the run is ending: no new JVM starts");
      }
      return builder.start();
    }
  }

  /** Whether the JVM is ending. */
  static synchronized boolean ending() {
    return ending || JvmEnding.ending();
  }

  /** {@code kill} runs when the JVM ends; at once, if it is ending already. */
  static void add(Runnable kill) {
    synchronized (Reaper.class) {
      if (!ending) {
        KILLS.add(kill);
        return;
      }
    }
    kill.run();
  }

  static void remove(Runnable kill) {
    KILLS.remove(kill);
  }
}
