package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault fixtures (examples/fault-fixtures: one test class per way a test can break its worker, plus
 * passing classes) under both pools that have workers: each fault fails its own file with its reason,
 * every other file passes, and nothing of the run is left behind.
 */
class FaultsIT {
  private static final Path FIXTURES = LanesCli.example("fault-fixtures");

  @TempDir
  Path dir;

  @Test
  void threads() throws Exception {
    Map<String, JsonNode> files = run("threads", "Test Files  7 failed | 3 passed | 1 skipped (11)");

    assertFailed(files, "SystemExitTest",
        "System.exit(3) called from dev.lanes.faults.SystemExitTest.exits(SystemExitTest.java:8)");
    assertFailed(files, "RuntimeHaltTest",
        "Runtime.halt(4) called from dev.lanes.faults.RuntimeHaltTest.halts(RuntimeHaltTest.java:8)");
    assertFailed(files, "OutOfMemoryTest", "java.lang.OutOfMemoryError: Requested array size exceeds VM limit");
    assertFailed(files, "ReflectiveExitTest", "System.exit (looked up to be called by reflection or a method handle) "
        + "called from dev.lanes.faults.ReflectiveExitTest.exitsThroughReflection(ReflectiveExitTest.java:8)");
    assertFailed(files, "MethodHandleHaltTest", "Runtime.halt (looked up to be called by reflection or a method handle) "
        + "called from dev.lanes.faults.MethodHandleHaltTest.haltsThroughAMethodHandle(MethodHandleHaltTest.java:10)");
    assertThat(files.get("KilledBySignalTest").get("status").asText()).as("only a fork may be killed").isEqualTo("skipped");
    assertCommon(files);
  }

  @Test
  void forks() throws Exception {
    Map<String, JsonNode> files = run("forks", "Test Files  8 failed | 3 passed (11)");

    assertFailed(files, "SystemExitTest", "Worker exited unexpectedly with exit code 3",
        "Last test started: dev.lanes.faults.SystemExitTest > exits()");
    assertFailed(files, "RuntimeHaltTest", "Worker exited unexpectedly with exit code 4",
        "Last test started: dev.lanes.faults.RuntimeHaltTest > halts()");
    // as under Surefire, the test fails with the error (some tests provoke one and catch it); the worker is retired
    assertFailed(files, "OutOfMemoryTest", "java.lang.OutOfMemoryError: Requested array size exceeds VM limit");
    assertFailed(files, "ReflectiveExitTest", "Worker exited unexpectedly with exit code 0");
    assertFailed(files, "MethodHandleHaltTest", "Worker exited unexpectedly with exit code 0");
    assertFailed(files, "KilledBySignalTest", "exit code 137 (killed by SIGKILL)",
        "Last test started: dev.lanes.faults.KilledBySignalTest > killsItsOwnWorker()");
    assertCommon(files);
  }

  private void assertCommon(Map<String, JsonNode> files) throws Exception {
    assertThat(files).containsOnlyKeys("PassingFirstTest", "PassingSecondTest", "SystemExitTest", "RuntimeHaltTest",
        "OutOfMemoryTest", "StackOverflowTest", "HangingTest", "KilledBySignalTest", "FloodingTest",
        "ReflectiveExitTest", "MethodHandleHaltTest");
    assertThat(files.get("PassingFirstTest").get("status").asText()).isEqualTo("passed");
    assertThat(files.get("PassingSecondTest").get("status").asText()).isEqualTo("passed");
    assertThat(files.get("FloodingTest").get("status").asText()).as("a flood of output is no failure").isEqualTo("passed");
    assertThat(testMessages(files.get("StackOverflowTest"))).contains("java.lang.StackOverflowError");
    assertFailed(files, "HangingTest", "Test file did not finish", "longer than testTimeout (2000ms) + teardownTimeout (2000ms)",
        "Last test started: dev.lanes.faults.HangingTest > ignoresInterrupts()",
        "Thread dump of the worker before it was stopped:", "HangingTest.ignoresInterrupts(HangingTest.java:10)");
    // the flooded output is kept, bounded, with a note of what was dropped
    String report = Files.readString(dir.resolve("faults.xml"));
    String flood = report.substring(report.indexOf("<testsuite name=\"dev.lanes.faults.FloodingTest\""));
    flood = flood.substring(0, flood.indexOf("</testsuite>"));
    assertThat(flood).contains("xxxxxxxxxxxxxxxxxxxx").contains("[lanes] output truncated");
    assertThat(flood.length()).as("bounded").isLessThan(8 * 1024 * 1024);
  }

  /**
   * A test that ends the JVM in a way no guard sees (an exit method picked from {@code getMethods()}) ends the run
   * with it: the run still fails, with its summary and reports naming the file, and never exits with the test's 0.
   */
  @Test
  void aTestThatEndsTheJvmPastTheGuardFailsTheRunWithItsReports() throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/escape"));
    Files.writeString(src.resolve("EscapingExitTest.java"), """
        package escape;

        class EscapingExitTest {
          @org.junit.jupiter.api.Test
          void exitsWithZero() throws Exception {
            for (java.lang.reflect.Method method : System.class.getMethods()) {
              if (method.getName().equals("exit")) {
                method.invoke(null, 0);
              }
            }
          }
        }
        """);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    String classpath = String.join(java.io.File.pathSeparator,
        Files.readString(LanesCli.example("sample-project").resolve("target/lanes-classpath.txt")).trim());
    assertThat(javax.tools.ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp",
        classpath, src.resolve("EscapingExitTest.java").toString())).isZero();
    Files.writeString(dir.resolve("lanes.conf"), """
        classpath = ["classes", "@%s"]
        testClassDirs = ["classes"]
        pool = threads
        reporters = [default, junit]
        outputFile.junit = "report.xml"
        """.formatted(LanesCli.example("sample-project").resolve("target/lanes-classpath.txt").toString()
        .replace("\\", "\\\\")));

    LanesCli.Result result = LanesCli.run(dir, "run");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
    assertThat(result.out()).contains("a test ended the JVM while escape.EscapingExitTest ran; the run fails")
        .contains("Test Files  1 failed (1)");
    assertThat(Files.readString(dir.resolve("report.xml"))).contains("the JVM was ended (System.exit or Runtime.exit");
  }

  private Map<String, JsonNode> run(String pool, String summary) throws Exception {
    Path tmp = Files.createDirectories(dir.resolve("tmp"));
    Path config = dir.resolve("lanes.conf");
    Files.writeString(config, Files.readString(FIXTURES.resolve("lanes.conf")) + """
        reporters = [default, json, junit]
        outputFile { json = "%s", junit = "%s" }
        """.formatted(dir.resolve("faults.json"), dir.resolve("faults.xml")));

    LanesCli.Result result = LanesCli.run(FIXTURES, List.of("-Djava.io.tmpdir=" + tmp),
        "run", "--root", FIXTURES.toString(), "--config", config.toString(), "--pool", pool);

    assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
    assertThat(result.out()).contains(summary);
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).as("nothing of the run is left in the temporary folder").isEmpty();
    }
    assertThat(ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(FIXTURES.toString()))
        .filter(ProcessHandle::isAlive).map(p -> p.info().commandLine().orElse(""))).as("no worker outlives the run")
        .isEmpty();
    Map<String, JsonNode> files = new LinkedHashMap<>();
    for (JsonNode file : new ObjectMapper().readTree(dir.resolve("faults.json").toFile()).get("testResults")) {
      files.put(file.get("name").asText().replace("dev.lanes.faults.", ""), file);
    }
    return files;
  }

  private static void assertFailed(Map<String, JsonNode> files, String name, String... reasons) {
    JsonNode file = files.get(name);
    assertThat(file.get("status").asText()).as(name).isEqualTo("failed");
    String messages = file.path("message").asText() + "\n" + testMessages(file);
    for (String reason : reasons) {
      assertThat(messages).as(name).contains(reason);
    }
  }

  private static String testMessages(JsonNode file) {
    StringBuilder all = new StringBuilder();
    file.get("assertionResults").forEach(test -> test.path("failureMessages").forEach(m -> all.append(m.asText()).append('\n')));
    return all.toString();
  }
}
