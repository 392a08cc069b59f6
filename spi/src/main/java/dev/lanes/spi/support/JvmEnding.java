package dev.lanes.spi.support;

/**
 * Whether this JVM is ending — a signal (Ctrl-C, a CI cancel) or an exit — after which a pool starts nothing new: no
 * worker, no spare, no helper process. Lanes marks it the moment a signal arrives, before the shutdown hooks run; a
 * pool's own shutdown hook may mark it too.
 */
public final class JvmEnding {
  private static volatile boolean ending;

  private JvmEnding() {
  }

  /** The JVM is ending from now on. */
  public static void begin() {
    ending = true;
  }

  /** Whether the JVM is ending. */
  public static boolean ending() {
    return ending;
  }
}
