package dev.lanes.spi.protocol;

import java.util.function.Consumer;

/** A transport of text messages: a pipe, socket, WebSocket, or a queue between threads. */
public interface MessageChannel {

  /** Sends one message; must not block on the other side's work. */
  void post(String text);

  /** Registers the one handler of incoming messages. Messages that arrived earlier are delivered to it. */
  void onMessage(Consumer<String> handler);
}
