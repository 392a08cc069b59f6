package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.pool.browser.provider.Executables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The browser pool through the real lanes command: the browser sample passes with every provider, and after a run
 * that passes, fails, is interrupted (Ctrl-C) or is killed ({@code kill -9}), no browser process and no folder of
 * the run is left (within 5 s).
 */
class BrowserIT {
  @TempDir
  Path dir;

  @BeforeAll
  static void chromium() {
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

  @ParameterizedTest(name = "provider {0}")
  @ValueSource(strings = {"chromium", "playwright", "webdriver"})
  void theBrowserSamplePassesWithEveryProvider(String provider) throws Exception {
    LanesCli.Result result = LanesCli.run(dir, List.of("-Djava.io.tmpdir=" + dir,
            "-Dlanes.poolOptions.browser.provider=" + provider),
        "run", "--root", LanesCli.example("browser-sample").toString());

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out()).contains("Test Files  3 passed (3)").contains("Tests  10 passed (10)")
        .contains("|browser| src/test/js/sortable-table.browser.test.js (5 tests)");
    assertNothingLeft();
  }

  /**
   * Nothing the run starts listens where another local user could reach it but the tester server, which must (the
   * pages load from it) and refuses every request without the run's token: no DevTools port of Chromium's (any local
   * user could drive the browser through it, open {@code file://} URLs with the runner's rights), and the tester
   * server on loopback only. With {@code webdriver}, chromedriver's own WebDriver port is the one exception, as the
   * README says: WebDriver has no other transport.
   */
  @ParameterizedTest(name = "provider {0}")
  @ValueSource(strings = {"chromium", "playwright", "webdriver"})
  void noProcessOfTheRunListensOnATcpPortButTheTesterServer(String provider) throws Exception {
    Assumptions.assumeTrue(ListeningSockets.available(), "no /proc/net/tcp on this machine");
    List<String> command = LanesCli.command(List.of("-Djava.io.tmpdir=" + dir,
        "-Dlanes.poolOptions.browser.provider=" + provider));
    command.addAll(List.of("run", "--root", LanesCli.example("browser-sample").toString()));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.txt").toFile());
    builder.environment().put("CI", "true");
    Process lanes = builder.start();
    Set<ListeningSockets.Listener> seen = new LinkedHashSet<>();
    boolean sawBrowser = false;
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
      while (lanes.isAlive() && System.nanoTime() < deadline) {
        Set<Long> run = ListeningSockets.processesOfRun(lanes.toHandle(), dir.toString());
        sawBrowser |= run.stream().anyMatch(pid -> ProcessHandle.of(pid)
            .map(p -> commandLine(p).contains("--type=renderer")).orElse(false));
        seen.addAll(ListeningSockets.of(run));
        Thread.sleep(20);
      }
      assertThat(lanes.waitFor(0, TimeUnit.SECONDS)).as("the run ended within 3 minutes").isTrue();
    } finally {
      lanes.destroyForcibly();
    }
    String out = Files.readString(dir.resolve("out.txt"));
    assertThat(lanes.exitValue()).as(out).isZero();
    assertThat(sawBrowser).as("the run's browser was seen with a page open, so its sockets were looked at").isTrue();

    // the JVM's spawn helper (jspawnhelper), for the instant between starting a process and its exec, holds the lanes
    // JVM's own descriptors: what it lists is the lanes JVM's
    java.util.function.Predicate<ListeningSockets.Listener> ofLanesJvm = l -> l.pid() == lanes.pid()
        || l.command().contains("jspawnhelper");
    List<ListeningSockets.Listener> ofLanes = seen.stream().filter(ofLanesJvm).toList();
    assertThat(ofLanes).as("the tester server, held by the lanes JVM: one port, on loopback only")
        .isNotEmpty().allMatch(ListeningSockets.Listener::loopbackOnly)
        .extracting(ListeningSockets.Listener::port).containsOnly(ofLanes.get(0).port());
    List<ListeningSockets.Listener> others = seen.stream().filter(ofLanesJvm.negate()).toList();
    if (provider.equals("webdriver")) {
      assertThat(others).as("chromedriver's WebDriver port is the only other, on loopback; Chromium has none")
          .allMatch(l -> l.command().contains("chromedriver") && l.loopbackOnly());
    } else {
      assertThat(others).as("ports held by the run's other processes (browser, driver)").isEmpty();
    }
  }

  @Test
  void aFailingRunLeavesNothingBehind() throws Exception {
    writeProject("test('fails', () => expect(1).to.equal(2));");

    LanesCli.Result result = LanesCli.run(dir, List.of("-Djava.io.tmpdir=" + dir), "run");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
    assertThat(result.out()).contains("AssertionError: expected 1 to equal 2")
        .contains("src/test/js/a.browser.test.js:2:");
    assertNothingLeft();
  }

  @Test
  void anInterruptedRunLeavesNothingBehind() throws Exception {
    Process lanes = startHangingRun("chromium");
    try {
      new ProcessBuilder("kill", "-INT", String.valueOf(lanes.pid())).start().waitFor();
      assertThat(lanes.waitFor(30, TimeUnit.SECONDS)).as("lanes ended after Ctrl-C").isTrue();
    } finally {
      lanes.destroyForcibly();
    }
    assertThat(Files.readString(dir.resolve("out.txt"))).contains("The run was interrupted.");
    assertNothingLeft();
  }

  @ParameterizedTest(name = "provider {0}")
  @ValueSource(strings = {"chromium", "playwright", "webdriver"})
  void aKilledRunLeavesNothingBehind(String provider) throws Exception {
    Process lanes = startHangingRun(provider);
    lanes.destroyForcibly(); // kill -9: no shutdown hook runs; the browser's reaper sees its input close
    assertThat(lanes.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertNothingLeft();
  }

  /** A run whose only test never ends, once its page is open in Chromium. */
  private Process startHangingRun(String provider) throws Exception {
    writeProject("test('waits forever', () => new Promise(() => {}));");
    List<String> command = LanesCli.command(List.of("-Djava.io.tmpdir=" + dir,
        "-Dlanes.poolOptions.browser.provider=" + provider));
    command.add("run");
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
        .redirectOutput(dir.resolve("out.txt").toFile());
    builder.environment().put("CI", "true");
    Process lanes = builder.start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!hasRenderer() && System.nanoTime() < deadline && lanes.isAlive()) {
        Thread.sleep(100);
      }
      assertThat(hasRenderer()).as("Chromium runs the run's page while the test waits").isTrue();
      Thread.sleep(1_000); // the page loads the tester and the test starts
      return lanes;
    } catch (AssertionError | Exception e) {
      lanes.destroyForcibly();
      throw e;
    }
  }

  /** Whether the run's browser has a renderer: a page is open. */
  private boolean hasRenderer() {
    return ProcessHandle.allProcesses()
        .filter(p -> commandLine(p).contains("--user-data-dir=" + dir) && !commandLine(p).contains("--type="))
        .flatMap(ProcessHandle::descendants)
        .anyMatch(p -> commandLine(p).contains("--type=renderer"));
  }

  private void writeProject(String test) throws IOException {
    Files.createDirectories(dir.resolve("src/test/js"));
    Files.writeString(dir.resolve("src/test/js/a.browser.test.js"),
        "import { test, expect } from 'lanes';\n" + test + "\n");
    Files.writeString(dir.resolve("lanes.conf"), "pool = browser\ntestTimeout = 0\n");
  }

  private void assertNothingLeft() throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline && (!processesOfTheRun().isEmpty() || !foldersOfTheRun().isEmpty())) {
      Thread.sleep(100);
    }
    assertThat(processesOfTheRun()).as("browser processes of the run, 5 s after it ended").isEmpty();
    assertThat(foldersOfTheRun()).as("user-data and temporary folders of the run").isEmpty();
  }

  /** Processes whose command line names this test's temporary folder: the run's browser and its helpers. */
  private List<String> processesOfTheRun() {
    return ProcessHandle.allProcesses().map(p -> commandLine(p))
        .filter(line -> line.contains(dir.toString()) && !line.contains("dev.lanes.cli.Main")).toList();
  }

  private List<Path> foldersOfTheRun() throws IOException {
    List<Path> left = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      files.filter(p -> p.getFileName().toString().matches("lanes-browser-.*|org\\.chromium\\..*|playwright.*"))
          .forEach(left::add);
    }
    return left;
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
