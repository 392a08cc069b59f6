package dev.lanes.migration;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** A class disabled as a whole: Surefire reports it as one skipped test. */
@Disabled("shows how a disabled class is reported")
class DisabledClassTest {
  @Test
  void neverRuns() {
    throw new AssertionError("a disabled class ran");
  }
}
