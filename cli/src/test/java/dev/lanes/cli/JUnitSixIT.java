package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What Lanes does with JUnit 6's own features, on the JUnit 6 sample's class path: cancelling a running class, and the
 * Platform's discovery issues.
 */
class JUnitSixIT {
  @TempDir
  Path dir;

  /**
   * {@code --bail 1}: the first test fails, the run stops handing out files and asks the running class to stop, which
   * it does at its next test — the tests after that are reported skipped as cancelled, never run (each would print).
   */
  @Test
  void aBailStopsTheRunningClassAtItsNextTest() throws Exception {
    compile("StopsTest", """
        @org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
        class StopsTest {
          @org.junit.jupiter.api.Test @org.junit.jupiter.api.Order(1) void fails() {
            org.junit.jupiter.api.Assertions.assertEquals(1, 2);
          }
          @org.junit.jupiter.api.Test @org.junit.jupiter.api.Order(2) void takesItsTime() throws Exception {
            Thread.sleep(2_000);
          }
          @org.junit.jupiter.api.Test @org.junit.jupiter.api.Order(3) void third() { System.out.println("third ran"); }
          @org.junit.jupiter.api.Test @org.junit.jupiter.api.Order(4) void fourth() { System.out.println("fourth ran"); }
        }
        """);

    LanesCli.Result run = LanesCli.run(dir, "run", "--bail", "1", "--reporter", "verbose");

    assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
    assertThat(run.out()).doesNotContain("third ran", "fourth ran")
        .containsPattern("↓ third\\(\\) .*cancel")
        .containsPattern("↓ fourth\\(\\) .*cancel")
        .contains("Tests  1 failed | 1 passed | 2 skipped (4)");
  }

  /**
   * A discovery issue (a private {@code @Test} method) is told once, as the file's own output under its name; made
   * critical ({@code junit.platform.discovery.issue.severity.critical}), it fails the file with the issue's text.
   */
  @Test
  void aDiscoveryIssueIsToldOnceAsTheFilesOutputAndACriticalOneFailsTheFile() throws Exception {
    compile("IssueTest", """
        class IssueTest {
          @org.junit.jupiter.api.Test private void hidden() { }
          @org.junit.jupiter.api.Test void visible() { }
        }
        """);

    LanesCli.Result warned = LanesCli.run(dir, "run");
    assertThat(warned.exitCode()).as(warned.all()).isZero();
    assertThat(warned.out()).contains("stderr | six.IssueTest\nTestEngine with ID 'junit-jupiter' encountered a"
        + " non-critical issue during test discovery:")
        .contains("@Test method 'private void six.IssueTest.hidden()' must not be private. It will not be executed.")
        .doesNotContain("DiscoveryIssueNotifier logIssues");
    assertThat(warned.out().split("must not be private", -1)).as("told once").hasSize(2);

    Files.writeString(dir.resolve("lanes.conf"), Files.readString(dir.resolve("lanes.conf"))
        + "configurationParameters { \"junit.platform.discovery.issue.severity.critical\" = WARNING }\n");
    LanesCli.Result critical = LanesCli.run(dir, "run");
    assertThat(critical.exitCode()).as(critical.all()).isEqualTo(1);
    assertThat(critical.out()).contains("FAIL  six.IssueTest")
        .contains("DiscoveryIssueException: TestEngine with ID 'junit-jupiter' encountered a critical issue during test"
            + " discovery:")
        .contains("Test Files  1 failed (1)");
  }

  private void compile(String name, String source) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/six"));
    Path file = src.resolve(name + ".java");
    Files.writeString(file, "package six;\n\n" + source);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path classpath = LanesCli.example("sample-junit6").resolve("target/lanes-classpath.txt");
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
        String.join(File.pathSeparator, Files.readString(classpath).trim()), file.toString()));
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();
    Files.writeString(dir.resolve("lanes.conf"), """
        pool = forks
        classpath = ["classes", "@%s"]
        testClassDirs = ["classes"]
        """.formatted(classpath.toString().replace("\\", "\\\\")));
  }
}
