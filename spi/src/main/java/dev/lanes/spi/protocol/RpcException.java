package dev.lanes.spi.protocol;

import java.util.Optional;

/** A remote call failed: the other side threw ({@link #remoteError()} present) or the channel closed. */
public final class RpcException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient TestError remoteError;

  public RpcException(String message, TestError remoteError) {
    super(message);
    this.remoteError = remoteError;
  }

  public Optional<TestError> remoteError() {
    return Optional.ofNullable(remoteError);
  }
}
