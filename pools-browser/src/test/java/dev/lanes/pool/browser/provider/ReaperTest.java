package dev.lanes.pool.browser.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reaper's pipe: what Chromium's {@code --remote-debugging-pipe} is given as its descriptors 3 and 4. */
class ReaperTest {
  @TempDir
  Path tmp;

  @Test
  void aCommandReadsItsDescriptor3AndWritesItsDescriptor4ThroughFifosOnlyThisUserMayOpen() throws Exception {
    Path folder = tmp.resolve("launch");
    Reaper reaper = Reaper.startWithPipe(List.of("sh", "-c", "tr a-z A-Z <&3 >&4"), folder, Map.of());
    try (Reaper.Pipe pipe = reaper.openPipe(Duration.ofSeconds(10))) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder.resolve("pipe.in"))))
          .isEqualTo("rw-------");
      assertThat(Files.isRegularFile(folder.resolve("pipe.in"))).as("a FIFO, not a file").isFalse();
      pipe.toCommand().write("hello\0".getBytes(StandardCharsets.UTF_8));
      pipe.toCommand().close();
      assertThat(new String(new java.io.BufferedInputStream(pipe.fromCommand()).readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("HELLO\0");
    } finally {
      reaper.end();
    }
    assertThat(folder).doesNotExist();
  }

  @Test
  void aPipeWhoseCommandEndsWithoutUsingItGivesEndOfInput() throws Exception {
    Reaper reaper = Reaper.startWithPipe(List.of("true"), tmp.resolve("launch"), Map.of());
    try (Reaper.Pipe pipe = reaper.openPipe(Duration.ofSeconds(10))) {
      assertThat(pipe.fromCommand().read()).isEqualTo(-1);
    } finally {
      reaper.end();
    }
  }

  @Test
  void openingFailsWithinItsTimeOutWhenTheCommandNeverStarts() throws Exception {
    Path folder = tmp.resolve("launch");
    Reaper reaper = Reaper.startWithPipe(List.of("true"), folder, Map.of());
    reaper.end(); // the script ends at once and deletes the folder, FIFOs and all, before anything opened them
    long start = System.nanoTime();
    assertThatThrownBy(() -> reaper.openPipe(Duration.ofSeconds(2))).isInstanceOf(IOException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void chromiumKeepsItsSandboxUnlessItIsOff() {
    LaunchOptions sandboxed = new LaunchOptions(Path.of("/usr/bin/chromium"), java.util.Optional.empty(), true,
        List.of(), tmp, true);
    LaunchOptions unsandboxed = new LaunchOptions(Path.of("/usr/bin/chromium"), java.util.Optional.empty(), true,
        List.of(), tmp, false);
    assertThat(sandboxed.flags()).doesNotContain("--no-sandbox");
    assertThat(unsandboxed.flags()).contains("--no-sandbox");
    assertThat(LaunchOptions.sandboxHint("[1:1:ERROR] No usable sandbox! Update your kernel"))
        .contains("poolOptions.browser.sandbox = false");
    assertThat(LaunchOptions.sandboxHint("Fontconfig error")).isEmpty();
  }
}
