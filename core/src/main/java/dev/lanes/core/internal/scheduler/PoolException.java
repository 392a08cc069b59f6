package dev.lanes.core.internal.scheduler;

/** The machinery failed for a task: a worker did not start, crashed, or could not be stopped. */
final class PoolException extends Exception {
  private static final long serialVersionUID = 1L;

  PoolException(String message) {
    this(message, null);
  }

  PoolException(String message, Throwable cause) {
    super(message, cause);
  }
}
