package dev.lanes.pool.browser;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/** The host's end of one page's WebSocket; every frame goes to its {@link PageWorker}. Public: Jetty needs it so. */
public final class PageConnection extends Session.Listener.AbstractAutoDemanding {
  private final PageWorker worker;

  PageConnection(PageWorker worker) {
    this.worker = worker;
  }

  void send(String text) {
    Session session = getSession();
    if (session != null && session.isOpen()) {
      session.sendText(text, Callback.NOOP); // a failed send closes the session, and the worker hears why
    }
  }

  void close() {
    Session session = getSession();
    if (session != null) {
      session.disconnect();
    }
  }

  @Override
  public void onWebSocketOpen(Session session) {
    super.onWebSocketOpen(session);
    worker.connected(this);
  }

  @Override
  public void onWebSocketText(String text) {
    worker.received(text);
  }

  @Override
  public void onWebSocketClose(int status, String reason) {
    worker.disconnected("the page closed its connection (" + status
        + (reason == null || reason.isEmpty() ? "" : " " + reason) + ")");
  }

  @Override
  public void onWebSocketError(Throwable cause) {
    worker.disconnected("the page's connection failed: " + cause);
  }
}
