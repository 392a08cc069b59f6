package dev.lanes.pool.forks;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What must not outlive this JVM — worker processes, spare ones, their channel folders — and how to end
 * each at once. Run by a shutdown hook: Ctrl-C, a CI cancel, or an exit without closing the pool.
 */
final class Reaper {
  private static final Set<Runnable> KILLS = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> KILLS.forEach(Runnable::run), "lanes-forks-cleanup"));
  }

  private Reaper() {
  }

  static void add(Runnable kill) {
    KILLS.add(kill);
  }

  static void remove(Runnable kill) {
    KILLS.remove(kill);
  }
}
