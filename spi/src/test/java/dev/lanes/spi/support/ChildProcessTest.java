package dev.lanes.spi.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChildProcessTest {
  @Test
  void theCommandsExitCodeAndOutputComeThrough() throws Exception {
    try (ChildProcess child = ChildProcess.start(new ProcessBuilder("sh", "-c", "echo out; echo err >&2; exit 3")
        .redirectErrorStream(true))) {
      assertThat(new String(child.output().readAllBytes())).isEqualTo("out\nerr\n");
      assertThat(child.waitFor()).isEqualTo(3);
    }
  }

  @Test
  void aCommandEndedBySignalExitsWith128AndTheSignal() throws Exception {
    try (ChildProcess child = ChildProcess.start(new ProcessBuilder("sh", "-c", "kill -9 $$"))) {
      assertThat(child.waitFor()).isEqualTo(137);
    }
  }

  @Test
  void endingTheChildEndsWhatItStartedToo() throws Exception {
    String marker = "lanes-child-test-" + UUID.randomUUID();
    ChildProcess child = ChildProcess.start(new ProcessBuilder("sh", "-c",
        "sh -c 'sleep 60; echo " + marker + "' & echo started; wait"));
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.output()))) {
      assertThat(lines.readLine()).isEqualTo("started");
      assertThat(running(marker)).isTrue();

      child.end();

      assertThat(child.isAlive()).isFalse();
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      while (running(marker) && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(running(marker)).as("the grandchild left behind").isFalse();
    }
  }

  private static boolean running(String marker) {
    return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").contains(marker));
  }
}
