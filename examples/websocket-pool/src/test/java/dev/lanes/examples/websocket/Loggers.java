package dev.lanes.examples.websocket;

import dev.lanes.spi.PoolLogger;

/** Loggers for tests that build the pool's parts by hand. */
final class Loggers {
  static final PoolLogger SILENT = new PoolLogger() {
    @Override
    public void info(String message) {
    }

    @Override
    public void warn(String message) {
      System.err.println(message);
    }

    @Override
    public void error(String message, Throwable cause) {
      System.err.println(message);
    }
  };

  private Loggers() {
  }
}
