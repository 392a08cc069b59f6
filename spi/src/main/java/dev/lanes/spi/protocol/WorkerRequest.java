package dev.lanes.spi.protocol;

import java.util.List;
import java.util.Objects;

/** What the host asks of a worker. The set is closed: switch over it exhaustively. */
public sealed interface WorkerRequest extends Message {

  /**
   * First message to a worker: who it is, which project it serves and its {@link WorkerSettings}. Answered by
   * {@link WorkerResponse.Started}.
   */
  record Start(int poolId, int workerId, String pool, String project, boolean isolate,
               WorkerSettings settings) implements WorkerRequest {
    public Start {
      Objects.requireNonNull(pool, "pool");
      Objects.requireNonNull(project, "project");
      Objects.requireNonNull(settings, "settings");
    }
  }

  /** Run these files, one after the other. Answered by one {@link WorkerResponse.TestFileFinished} per request. */
  record Run(List<FileSpec> files) implements WorkerRequest {
    public Run {
      files = List.copyOf(files);
      if (files.isEmpty()) {
        throw new IllegalArgumentException("a run request needs at least one file");
      }
    }
  }

  /** Collect the tests of these files without running any of them. */
  record Collect(List<FileSpec> files) implements WorkerRequest {
    public Collect {
      files = List.copyOf(files);
      if (files.isEmpty()) {
        throw new IllegalArgumentException("a collect request needs at least one file");
      }
    }
  }

  /** Stop the running request as soon as possible; the current test is allowed to finish. */
  record Cancel(String reason) implements WorkerRequest {
    public Cancel {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Finish, clean up, answer {@link WorkerResponse.Stopped}. */
  record Stop() implements WorkerRequest {
  }
}
