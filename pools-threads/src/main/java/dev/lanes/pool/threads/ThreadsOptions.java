package dev.lanes.pool.threads;

/** {@code poolOptions.threads}. */
public record ThreadsOptions(long threadStackSize) {
  public ThreadsOptions {
    if (threadStackSize < 0) {
      throw new IllegalArgumentException("threadStackSize must not be negative, was " + threadStackSize);
    }
  }
}
