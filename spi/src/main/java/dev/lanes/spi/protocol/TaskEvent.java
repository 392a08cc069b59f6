package dev.lanes.spi.protocol;

/** Vitest's task events: a suite (or file) starts and finishes, a test is prepared and finishes. */
public enum TaskEvent { SUITE_PREPARE, SUITE_FINISHED, TEST_PREPARE, TEST_FINISHED }
