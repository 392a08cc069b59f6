package dev.lanes.examples.websocket;

import com.google.auto.service.AutoService;
import com.google.inject.Module;
import dev.lanes.spi.PoolProvider;

/** {@code pool = websocket}, or this jar by path: test files run in agent processes that connect back over WebSocket. */
@AutoService(PoolProvider.class)
public final class WebSocketPoolProvider implements PoolProvider {
  @Override
  public String name() {
    return "websocket";
  }

  @Override
  public Module module() {
    return new WebSocketPoolModule();
  }
}
