package dev.lanes.pool.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.pool.browser.provider.Executables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/** For tests that need a real Chromium: in CI it must be there; elsewhere its absence skips them, with a notice. */
final class Chromium {
  private Chromium() {
  }

  static void assumeInstalled() {
    boolean installed = Executables.browser(Optional.empty()).isPresent();
    if (!installed && "true".equals(System.getenv("CI"))) {
      throw new AssertionError("no Chromium on this CI machine: .ci/run installs Debian's chromium package");
    }
    if (!installed) {
      System.err.println("NOTICE: no Chromium here (looked at " + Executables.browserSearch()
          + "): the browser pool's tests are skipped. Install Debian's chromium package to run them.");
    }
    Assumptions.assumeTrue(installed, "no Chromium installed");
  }

  /** The processes whose command line mentions {@code text} (a run's temporary folder). */
  static List<String> processesMentioning(String text) {
    return ProcessHandle.allProcesses()
        .filter(p -> p.pid() != ProcessHandle.current().pid())
        .map(p -> commandLine(p))
        .filter(line -> line.contains(text))
        .toList();
  }

  /** The launch folders ({@code lanes-browser-*}) left in {@code dir}. */
  static List<Path> launchFolders(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(p -> p.getFileName().toString().startsWith("lanes-browser-")).toList();
    }
  }

  static void assertNothingLeft(Path tmp) throws Exception {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (System.nanoTime() < deadline
        && (!processesMentioning(tmp.toString()).isEmpty() || !launchFolders(tmp).isEmpty())) {
      Thread.sleep(100);
    }
    assertThat(processesMentioning(tmp.toString())).as("browser processes of the run").isEmpty();
    assertThat(launchFolders(tmp)).as("launch folders (user data, Chromium's temporary files) of the run").isEmpty();
  }

  /** A process's command line as /proc has it (the JDK's {@code ProcessHandle.Info} leaves some out), or "". */
  static String commandLine(ProcessHandle process) {
    try {
      return new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc", String.valueOf(process.pid()),
          "cmdline")), java.nio.charset.StandardCharsets.UTF_8).replace('\0', ' ');
    } catch (java.io.IOException | RuntimeException e) {
      return ""; // ended meanwhile, or not ours to read
    }
  }
}
