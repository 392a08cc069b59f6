package dev.lanes.spi.protocol;

/** How a task was declared: queued until collected, then run, skipped or to do. */
public enum TaskMode { QUEUED, RUN, SKIP, TODO }
