package dev.lanes.core.internal.scheduler;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The scheduler's waits for its workers. In an in-process pool tests share the JVM with the scheduler, and a test that
 * interrupts every thread of the JVM interrupts the scheduler's too; that interrupt is not Lanes' (Lanes ends these
 * waits by completing or failing their futures, or by their time-outs), so it neither ends the wait nor fails a file.
 */
public final class Waits {
  private Waits() {
  }

  /** {@link Future#get(long, TimeUnit)}, deaf to interrupts. */
  public static <T> T get(Future<T> future, long timeout, TimeUnit unit) throws ExecutionException, TimeoutException {
    long deadline = System.nanoTime() + unit.toNanos(timeout);
    while (true) {
      try {
        return future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        // a test interrupted this thread with every other: the wait goes on
      }
    }
  }
}
