package dev.lanes.spi.protocol;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * A call of a remote method. {@code id == 0} marks a one-way event that gets no reply.
 * Arguments may be {@code null} only where the method's parameter allows it.
 */
public record RpcCall(long id, String method, List<Object> args) implements Message {
  public RpcCall {
    Objects.requireNonNull(method, "method");
    args = Collections.unmodifiableList(new ArrayList<>(args == null ? List.of() : args));
  }

  public boolean isEvent() {
    return id == 0;
  }
}
