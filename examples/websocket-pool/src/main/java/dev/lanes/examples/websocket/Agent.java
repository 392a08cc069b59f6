package dev.lanes.examples.websocket;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * The host's end of one agent's WebSocket. Between leases nobody listens; during a lease the
 * {@link AgentWorker} holding it gets every text frame, and hears when the connection ends.
 * Jetty builds method handles on this class, so it must be public.
 */
public final class Agent extends Session.Listener.AbstractAutoDemanding {
  /** Who holds the agent. */
  interface Holder {
    void onText(String text);

    void onClosed(String why);
  }

  private final AgentServer server;
  private final String id;
  private final Optional<AgentProcess> process;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Holder holder;

  Agent(AgentServer server, String id, Optional<AgentProcess> process) {
    this.server = server;
    this.id = id;
    this.process = process;
  }

  /** The process, when this pool started the agent. */
  Optional<AgentProcess> process() {
    return process;
  }

  void hold(Holder next) {
    holder = next;
  }

  void release(Holder previous) {
    if (holder == previous) {
      holder = null;
    }
  }

  boolean isAlive() {
    Session session = getSession();
    return !closed.get() && session != null && session.isOpen();
  }

  void send(String text) {
    getSession().sendText(text, Callback.NOOP); // a failed send closes the session, and the holder hears why
  }

  /** Ends the agent: the process this pool started, or the connection of one started elsewhere (which then ends itself). */
  void kill() {
    process.ifPresent(AgentProcess::kill);
    Session session = getSession();
    if (session != null) {
      session.disconnect();
    }
  }

  @Override
  public void onWebSocketOpen(Session session) {
    super.onWebSocketOpen(session);
    server.connected(this);
  }

  @Override
  public void onWebSocketText(String text) {
    Holder current = holder;
    if (current != null) {
      current.onText(text);
    }
  }

  @Override
  public void onWebSocketClose(int status, String reason) {
    closed("the agent closed its connection (" + status + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
  }

  @Override
  public void onWebSocketError(Throwable error) {
    closed("the agent's connection failed: " + error);
  }

  private void closed(String why) {
    if (closed.compareAndSet(false, true)) {
      server.disconnected(this);
      Holder current = holder;
      if (current != null) {
        current.onClosed(why);
      }
    }
  }

  @Override
  public String toString() {
    return "agent " + id + process.map(p -> " (pid " + p.pid() + ")").orElse("");
  }
}
