package dev.lanes.spi;

/** The user's {@code poolOptions.<name>} of one pool, bound by core in the pool's injector. */
public interface PoolOptions {

  /** The pool's name, the key under {@code poolOptions}. */
  String poolName();

  /**
   * The options converted to {@code type} (a record, or a class with a no-argument constructor).
   * Missing keys take the type's defaults; an unknown or ill-typed key throws {@link PoolConfigurationException}.
   */
  <T> T as(Class<T> type);
}
