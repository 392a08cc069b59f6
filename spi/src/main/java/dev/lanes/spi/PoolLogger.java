package dev.lanes.spi;

/** Where a pool tells the person running tests what it is doing. Pools never write to System.out themselves. */
public interface PoolLogger {
  void info(String message);

  void warn(String message);

  void error(String message, Throwable cause);
}
