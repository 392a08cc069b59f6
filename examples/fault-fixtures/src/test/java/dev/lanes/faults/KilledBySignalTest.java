package dev.lanes.faults;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

class KilledBySignalTest {
  @Test
  void killsItsOwnWorker() throws Exception {
    // only a forked worker may be killed; in-process pools would kill the run itself
    assumeTrue(System.getProperty("lanes.worker", "").startsWith("forks"), "runs only in a forked worker");
    new ProcessBuilder("kill", "-9", Long.toString(ProcessHandle.current().pid())).start().waitFor();
    Thread.sleep(10_000);
  }
}
