package dev.lanes.core.internal.scheduler;

import dev.lanes.spi.WorkerExit;
import java.util.Optional;

/** The machinery failed for a task: a worker did not start, crashed, or could not be stopped. */
final class PoolException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient WorkerExit exit;

  PoolException(String message) {
    this(message, (Throwable) null);
  }

  PoolException(String message, Throwable cause) {
    super(message, cause);
    this.exit = null;
  }

  PoolException(String message, WorkerExit exit) {
    super(message);
    this.exit = exit;
  }

  Optional<WorkerExit> exit() {
    return Optional.ofNullable(exit);
  }
}
