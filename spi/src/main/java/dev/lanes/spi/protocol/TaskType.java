package dev.lanes.spi.protocol;

/** The three kinds of task, as in Vitest. */
public enum TaskType { FILE, SUITE, TEST }
