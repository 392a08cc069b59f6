package dev.lanes.spi;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How a test file ended, set where it happened: its tests ran ({@link Passed}, {@link Failed}, {@link Skipped}), the
 * machinery broke under it ({@link Crashed}, {@link TimedOut}, {@link Stalled}, {@link Aborted}), or it was never run
 * ({@link Cancelled} by a bail, {@link NotRun} in an interrupted run). Reporters and tests switch on it; the file's
 * errors and notes keep the words a person reads.
 */
public sealed interface FileOutcome {
  /** Every test that ran passed. */
  static FileOutcome passed() {
    return new Passed();
  }

  /** A test failed, or the file failed on its own (a class that did not load, a failing class-level hook). */
  static FileOutcome failed() {
    return new Failed();
  }

  /** No test ran: every one was skipped or disabled. */
  static FileOutcome skipped(String reason) {
    return new Skipped(reason);
  }

  /** The worker died while running the file: its exit code where it has one, the signal that killed it, its last output. */
  static FileOutcome crashed(OptionalInt exitCode, String outputTail) {
    OptionalInt signal = exitCode.isPresent() && exitCode.getAsInt() > 128 && exitCode.getAsInt() < 160
        ? OptionalInt.of(exitCode.getAsInt() - 128) : OptionalInt.empty();
    return new Crashed(exitCode, signal, outputTail);
  }

  /** The worker stopped answering (past {@code testTimeout + teardownTimeout}) and was stopped by force. */
  static FileOutcome timedOut(String threadDump) {
    return new TimedOut(threadDump);
  }

  /** A whole pool reported nothing on the file for {@code testTimeout + teardownTimeout}; the run went on without it. */
  static FileOutcome stalled(String pool) {
    return new Stalled(pool);
  }

  /** The machinery failed otherwise: a worker that did not start, a pool that threw, a configuration error. */
  static FileOutcome aborted(String reason) {
    return new Aborted(reason);
  }

  /** The run stopped handing out files (a bail) before this one started. */
  static FileOutcome cancelled(String reason) {
    return new Cancelled(reason);
  }

  /** The run was interrupted (Ctrl-C, {@code q} in watch mode, a CI cancel) before this file ended. */
  static FileOutcome notRun(String reason) {
    return new NotRun(reason);
  }

  /** Which outcome this is, for a {@code switch} on Java 17 (where a switch cannot match the records themselves). */
  default Kind kind() {
    if (this instanceof Passed) {
      return Kind.PASSED;
    } else if (this instanceof Failed) {
      return Kind.FAILED;
    } else if (this instanceof Skipped) {
      return Kind.SKIPPED;
    } else if (this instanceof Crashed) {
      return Kind.CRASHED;
    } else if (this instanceof TimedOut) {
      return Kind.TIMED_OUT;
    } else if (this instanceof Stalled) {
      return Kind.STALLED;
    } else if (this instanceof Aborted) {
      return Kind.ABORTED;
    }
    return this instanceof Cancelled ? Kind.CANCELLED : Kind.NOT_RUN;
  }

  /** Whether the machinery failed under the file rather than a test of it: crashed, timed out, stalled or aborted. */
  default boolean isMachineryFailure() {
    return switch (kind()) {
      case CRASHED, TIMED_OUT, STALLED, ABORTED -> true;
      case PASSED, FAILED, SKIPPED, CANCELLED, NOT_RUN -> false;
    };
  }

  /** The outcomes, one per record. */
  enum Kind { PASSED, FAILED, SKIPPED, CRASHED, TIMED_OUT, STALLED, ABORTED, CANCELLED, NOT_RUN }

  record Passed() implements FileOutcome {
  }

  record Failed() implements FileOutcome {
  }

  record Skipped(String reason) implements FileOutcome {
    public Skipped {
      reason = reason == null ? "" : reason;
    }
  }

  /** {@code signal} is the exit code's signal (code − 128) when the code says one killed it. */
  record Crashed(OptionalInt exitCode, OptionalInt signal, String outputTail) implements FileOutcome {
    public Crashed {
      Objects.requireNonNull(exitCode, "exitCode");
      Objects.requireNonNull(signal, "signal");
      outputTail = outputTail == null ? "" : outputTail;
    }
  }

  record TimedOut(String threadDump) implements FileOutcome {
    public TimedOut {
      threadDump = threadDump == null ? "" : threadDump;
    }
  }

  record Stalled(String pool) implements FileOutcome {
    public Stalled {
      Objects.requireNonNull(pool, "pool");
    }
  }

  record Aborted(String reason) implements FileOutcome {
    public Aborted {
      reason = reason == null ? "" : reason;
    }
  }

  record Cancelled(String reason) implements FileOutcome {
    public Cancelled {
      reason = reason == null ? "" : reason;
    }
  }

  record NotRun(String reason) implements FileOutcome {
    public NotRun {
      reason = reason == null ? "" : reason;
    }
  }
}
