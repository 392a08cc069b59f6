package dev.lanes.core.internal.state;

import dev.lanes.spi.support.JvmEnding;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Which signal, if any, is ending the JVM: a run's shutdown hook tells Ctrl-C ({@code SIGINT}), {@code SIGTERM} and
 * {@code SIGHUP} — an interrupted run, exit code 128 + the signal's number, as the JVM gives by itself — from a test
 * that ended the JVM, which must never leave the run's exit code 0. Handlers that note the signal and then exit as the
 * JVM's own would are installed once, where the platform has these signals.
 */
public final class JvmSignals {
  private static final AtomicReference<String> RECEIVED = new AtomicReference<>();
  private static volatile boolean installed;

  private JvmSignals() {
  }

  /** Installs the handlers, once per JVM. */
  public static synchronized void install() {
    if (installed) {
      return;
    }
    installed = true;
    for (String name : new String[] {"INT", "TERM", "HUP"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), signal -> {
          RECEIVED.compareAndSet(null, signal.getName());
          JvmEnding.begin(); // pools start nothing from now on, before the shutdown hooks even run
          JvmExit.exit(128 + signal.getNumber()); // a second signal waits for the first one's bounded exit
        });
      } catch (IllegalArgumentException | LinkageError e) {
        // no such signal here, or one the JVM keeps for itself: its default stays
      }
    }
  }

  /** The signal that is ending the JVM, if one is. */
  public static java.util.Optional<String> received() {
    return java.util.Optional.ofNullable(RECEIVED.get());
  }
}
