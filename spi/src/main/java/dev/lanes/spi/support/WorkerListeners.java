package dev.lanes.spi.support;

import dev.lanes.spi.PoolWorker;
import dev.lanes.spi.WorkerExit;
import dev.lanes.spi.protocol.Message;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The listeners of a {@link PoolWorker}: what {@code on}/{@code off} keep, and how a worker tells
 * them about a message, an error or its exit. Thread-safe; a listener that throws does not stop the others.
 */
public final class WorkerListeners {
  private final List<PoolWorker.Listener> listeners = new CopyOnWriteArrayList<>();

  public void add(PoolWorker.Listener listener) {
    listeners.add(listener);
  }

  public void remove(PoolWorker.Listener listener) {
    listeners.remove(listener);
  }

  public void message(Message message) {
    for (PoolWorker.Listener listener : listeners) {
      try {
        listener.onMessage(message);
      } catch (RuntimeException e) {
        error(e);
      }
    }
  }

  public void error(Throwable error) {
    for (PoolWorker.Listener listener : listeners) {
      try {
        listener.onError(error);
      } catch (RuntimeException ignored) {
        // a listener that cannot take an error has nobody left to tell
      }
    }
  }

  public void exit(WorkerExit exit) {
    for (PoolWorker.Listener listener : listeners) {
      try {
        listener.onExit(exit);
      } catch (RuntimeException e) {
        error(e);
      }
    }
  }
}
