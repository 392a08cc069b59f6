package dev.lanes.pool.forks;

/**
 * How a forked worker loads the project's class folders (main and test classes): on the JVM's own class path, after
 * the jars, once for the worker's life ({@link #PER_WORKER}: the {@code forks} pool, one class path as under
 * Surefire), or in a fresh class loader for every file, over the library jars loaded once ({@link #PER_FILE}:
 * {@code vmForks}, whose workers are then reused whatever {@code isolate} says). {@link ForksPoolModule} binds
 * {@code PER_WORKER}; override the binding to change it.
 */
public enum ClassFolders {
  PER_WORKER,
  PER_FILE
}
