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
   */
  record TestFileFinished(Optional<TestError> error, Optional<Long> usedMemory) implements WorkerResponse {
    public TestFileFinished {
      error = Optional.ofNullable(error).flatMap(e -> e);
      usedMemory = Optional.ofNullable(usedMemory).flatMap(m -> m);
    }
  }

  /** The worker cleaned up and may be discarded. */
  record Stopped(Optional<TestError> error) implements WorkerResponse {
    public Stopped {
      error = Optional.ofNullable(error).flatMap(e -> e);
    }
  }
}
