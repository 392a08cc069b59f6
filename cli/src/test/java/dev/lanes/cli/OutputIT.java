package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What tests print reaches the reports whatever a test does to the streams or to its worker. */
class OutputIT {
  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"threads", "vmThreads"})
  void aTestThatClosesSystemOutSilencesNoOtherFile(String pool) throws Exception {
    TestProjects.write(dir, "reporters = [default, junit]\noutputFile.junit = report.xml", Map.of(
        "out.AClosingTest", """
            package out;
            class AClosingTest {
              @org.junit.jupiter.api.Test void closesTheStreams() {
                System.out.close();
                System.err.close();
                System.out.println("printed after closing stdout");
              }
            }
            """,
        "out.BPrintingTest", """
            package out;
            class BPrintingTest {
              @org.junit.jupiter.api.RepeatedTest(5) void prints() throws Exception {
                Thread.sleep(100);
                System.out.println("printed beside and after it");
                System.err.println("on stderr beside and after it");
              }
            }
            """));

    LanesCli.Result result = LanesCli.run(dir, "run", "--pool", pool, "--maxWorkers", "2");

    assertThat(result.exitCode()).as(result.all()).isZero();
    String report = Files.readString(dir.resolve("report.xml"));
    assertThat(report).contains("printed after closing stdout");
    assertThat(report.split("printed beside and after it", -1)).hasSize(6);
    assertThat(report.split("on stderr beside and after it", -1)).hasSize(6);
  }

  @ParameterizedTest
  @ValueSource(strings = {"forks", "vmForks"})
  void whatATestPrintedAndFlushedBeforeItsWorkerDiedIsInTheCrashedFilesReport(String pool) throws Exception {
    TestProjects.write(dir, "reporters = [default, junit]\noutputFile.junit = report.xml", Map.of(
        "crash.HaltingTest", """
            package crash;
            class HaltingTest {
              @org.junit.jupiter.api.Test void printsThenHalts() {
                System.out.println("the last words on stdout");
                System.err.println("the last words on stderr");
                System.out.flush();
                System.err.flush();
                Runtime.getRuntime().halt(7);
              }
            }
            """));

    LanesCli.Result result = LanesCli.run(dir, List.of(), "run", "--pool", pool);

    assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
    assertThat(result.out()).contains("exit code 7", "the last words on stdout", "the last words on stderr");
    String report = Files.readString(dir.resolve("report.xml"));
    assertThat(report).contains("exit code 7", "the last words on stdout", "the last words on stderr");
  }

  /**
   * A test in Lanes' own JVM that changes the default locale and time zone does not change how Lanes writes its
   * figures and times; names and output cannot clear the screen, move the cursor or set the window title (colours in
   * output stay).
   */
  @org.junit.jupiter.api.Test
  void whatTestsChangeOrPrintDoesNotGarbleLanesOwnConsole() throws Exception {
    TestProjects.write(dir, "pool = threads", Map.of("console.DefaultsTest", """
        package console;
        class DefaultsTest {
          @org.junit.jupiter.api.Test void changesTheDefaults() throws Exception {
            java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ar-EG"));
            java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Pacific/Kiritimati"));
            Thread.sleep(1200);
          }

          @org.junit.jupiter.api.DisplayName("name \u001b[2J\u001b]0;pwned\u0007clears the screen")
          @org.junit.jupiter.api.Test void named() {
            System.out.println("\u001b[31mred\u001b[0m then \u001b[2Jcleared and \u001b[1Aup");
            org.junit.jupiter.api.Assertions.fail("so that its name is printed");
          }
        }
        """));
    java.time.LocalTime before = java.time.LocalTime.now().withNano(0);

    LanesCli.Result result = LanesCli.run(dir, "run", "--reporter", "verbose");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
    assertThat(result.out()).containsPattern("Duration  [0-9]+\\.[0-9]{2}s")
        .doesNotContain("\u001b[2J", "\u001b]0;", "\u001b[1A", "\u0007")
        .contains("name \\e[2J\\e]0;pwned\\u0007clears the screen")
        .contains("\u001b[31mred\u001b[0m then \\e[2Jcleared and \\e[1Aup");
    java.util.regex.Matcher start = java.util.regex.Pattern.compile("Start at  ([0-9:]{8})").matcher(result.out());
    assertThat(start.find()).as(result.out()).isTrue();
    long minutes = java.time.Duration.between(before, java.time.LocalTime.parse(start.group(1))).abs().toMinutes();
    assertThat(Math.min(minutes, 24 * 60 - minutes)).as("the start time, in the zone Lanes started in").isLessThan(5);
  }
}
