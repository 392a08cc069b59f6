package dev.lanes.spi.protocol;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to an {@link RpcCall} with the same id: a result (absent for {@code void}) or an error.
 * The method's name travels along so a codec can type the result without any state.
 */
public record RpcReply(long id, String method, Optional<Object> result, Optional<TestError> error)
    implements Message {
  public RpcReply {
    Objects.requireNonNull(method, "method");
    result = Optional.ofNullable(result).flatMap(r -> r);
    error = Optional.ofNullable(error).flatMap(e -> e);
  }
}
