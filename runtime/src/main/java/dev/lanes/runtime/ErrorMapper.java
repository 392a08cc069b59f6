package dev.lanes.runtime;

import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.TestErrors;

/**
 * Turns a test's throwable into a {@link TestError}: class name, message, expected/actual of
 * assertion libraries (opentest4j, JUnit 4), and a stack trimmed to the user's code — what a whole pool gets
 * from {@link TestErrors#trimmed}, the one place that decides which frames are the user's.
 */
public final class ErrorMapper {
  private ErrorMapper() {
  }

  public static TestError map(Throwable error) {
    return TestErrors.trimmed(error);
  }
}
