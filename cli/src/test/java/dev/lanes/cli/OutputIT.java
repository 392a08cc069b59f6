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
}
