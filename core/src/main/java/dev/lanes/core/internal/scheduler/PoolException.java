package dev.lanes.core.internal.scheduler;

import dev.lanes.spi.FileOutcome;

/** The machinery failed for a task: a worker did not start, crashed, or could not be stopped. */
final class PoolException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient FileOutcome outcome;

  /** The machinery failed in a way with no more to say than its message: its files are aborted. */
  PoolException(String message) {
    this(message, null);
  }

  PoolException(String message, Throwable cause) {
    this(message, cause, FileOutcome.aborted(message));
  }

  PoolException(String message, Throwable cause, FileOutcome outcome) {
    super(message, cause);
    this.outcome = outcome;
  }

  /** How the files of the failed task ended: crashed, timed out, cancelled, aborted. */
  FileOutcome outcome() {
    return outcome;
  }
}
