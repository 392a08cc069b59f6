package dev.lanes.pool.browser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.pool.browser.provider.Executables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
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

  /** The browser processes and launch folders in {@code tmp} now: what a run must not add to. */
  record Snapshot(Set<Long> processes, Set<Path> folders) {
  }

  static Snapshot snapshot(Path tmp) throws IOException {
    String marker = tmp.resolve("lanes-browser-").toString();
    Set<Long> processes = ProcessHandle.allProcesses()
        .filter(p -> commandLine(p).contains(marker))
        .map(ProcessHandle::pid)
        .collect(Collectors.toSet());
    Set<Path> folders;
    try (Stream<Path> files = Files.list(tmp)) {
      folders = files.filter(p -> p.getFileName().toString().startsWith("lanes-browser-")).collect(Collectors.toSet());
    }
    return new Snapshot(processes, folders);
  }

  /** Waits up to 5 s for the browser processes and launch folders that were not there {@code before} to go. */
  static void assertNothingLeft(Path tmp, Snapshot before) throws Exception {
    long deadline = System.nanoTime() + 5_000_000_000L;
    Snapshot added = added(tmp, before);
    while (System.nanoTime() < deadline && (!added.processes().isEmpty() || !added.folders().isEmpty())) {
      Thread.sleep(100);
      added = added(tmp, before);
    }
    assertThat(added.processes()).as("browser processes of the run").isEmpty();
    assertThat(added.folders()).as("launch folders (user data, Chromium's temporary files) of the run").isEmpty();
  }

  private static Snapshot added(Path tmp, Snapshot before) throws IOException {
    Snapshot now = snapshot(tmp);
    Set<Long> processes = new HashSet<>(now.processes());
    processes.removeAll(before.processes());
    Set<Path> folders = new HashSet<>(now.folders());
    folders.removeAll(before.folders());
    return new Snapshot(processes, folders);
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
