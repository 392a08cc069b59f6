package dev.lanes.spi.protocol;

import java.util.Optional;

/** What a worker answers. The set is closed: switch over it exhaustively. */
public sealed interface WorkerResponse extends Message {

  /** The worker is ready, or could not start ({@code error} present). */
  record Started(Optional<TestError> error) implements WorkerResponse {
    public Started {
      error = Optional.ofNullable(error).flatMap(e -> e);
    }

    public static Started ok() {
      return new Started(Optional.empty());
    }
  }

  /**
   * A run or collect request is done. Every task event of its files was sent before this message.
   * {@code usedMemory} is the heap and Metaspace in use in the worker's JVM after the request, in bytes, if it reports it.
   * {@code retire} says why the worker must not take another file (its JVM keeps a change a test made that it could
   * not undo); the host stops it and starts a fresh one for the next file.
   */
  record TestFileFinished(Optional<TestError> error, Optional<Long> usedMemory, Optional<String> retire)
      implements WorkerResponse {
    public TestFileFinished {
      error = Optional.ofNullable(error).flatMap(e -> e);
      usedMemory = Optional.ofNullable(usedMemory).flatMap(m -> m);
      retire = Optional.ofNullable(retire).flatMap(r -> r);
    }

    /** A worker that may take more files. */
    public TestFileFinished(Optional<TestError> error, Optional<Long> usedMemory) {
      this(error, usedMemory, Optional.empty());
    }
  }

  /** The worker cleaned up and may be discarded. */
  record Stopped(Optional<TestError> error) implements WorkerResponse {
    public Stopped {
      error = Optional.ofNullable(error).flatMap(e -> e);
    }
  }
}
