package dev.lanes.spi.support;

import dev.lanes.spi.PoolWorker;
import dev.lanes.spi.protocol.Codec;
import dev.lanes.spi.protocol.Message;

/**
 * The part of a {@link PoolWorker} that every transport writes the same way: its listeners ({@code on}/{@code off}),
 * and a frame received from the worker decoded and handed to them — a frame that is no message becomes the listeners'
 * error, never a lost frame or a hang. A worker extends it and brings its transport: {@code start}, {@code stop},
 * {@code send}, and {@link #received} for each frame it reads.
 */
public abstract class AbstractPoolWorker implements PoolWorker {
  /** Whom to tell about a message, an error or the worker's exit. */
  protected final WorkerListeners listeners = new WorkerListeners();

  @Override
  public final void on(Listener listener) {
    listeners.add(listener);
  }

  @Override
  public final void off(Listener listener) {
    listeners.remove(listener);
  }

  /** A frame the worker sent: decoded with {@code codec}, seen by {@link #beforeListeners}, then told to the listeners. */
  protected final void received(String frame, Codec codec) {
    Message message;
    try {
      message = codec.decode(frame);
    } catch (Codec.CodecException e) {
      listeners.error(e);
      return;
    }
    beforeListeners(message);
    listeners.message(message);
  }

  /**
   * What the worker itself does with a message before its listeners hear of it (the runner may send the next request
   * at once): mark itself idle after {@code testfileFinished}, say. Does nothing by default.
   */
  protected void beforeListeners(Message message) {
  }
}
