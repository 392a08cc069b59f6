package dev.lanes.pool.threads;

import static dev.lanes.testkit.FileConditions.crashed;
import static dev.lanes.testkit.FileConditions.failed;
import static dev.lanes.testkit.FileConditions.passed;
import static dev.lanes.testkit.FileConditions.timedOut;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lanes.spi.PoolConfigurationException;
import dev.lanes.spi.TestCase;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.protocol.UserConsoleLog;
import dev.lanes.testkit.PoolRun;
import dev.lanes.testkit.PoolTestKit;
import dev.lanes.testkit.TestClasspath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.IntStream;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThreadsPoolTest {
  private static final Path FIXTURES = TestClasspath.of(ThreadsPoolTest.class);

  /** The fixtures' classes and the JUnit jars they need, as a user's test class path would hold them. */
  private static PoolTestKit threads(String include) {
    return PoolTestKit.pool("threads").classpath(TestClasspath.withJupiter(FIXTURES)).testClassDirs(FIXTURES)
        .include(include);
  }

  @Test
  void staticsAreFreshInEveryFileWhenIsolated() {
    PoolRun run = threads("**/Counter*Fixture.class").option("isolate", true).option("maxWorkers", 1).run();

    assertThat(run.files()).hasSize(2).are(passed());
    assertThat(run.exitCode()).isZero();
    assertThat(run.orderViolations()).isEmpty();
  }

  @Test
  void isolatedFilesGetTheProjectsLibrariesAnewWhileTheTestFrameworkStaysLoaded(@TempDir Path root) throws IOException {
    int files = 20;
    String key = "lanes.test.junit." + UUID.randomUUID() + ".";
    Map<String, String> sources = new HashMap<>();
    sources.put("lib.Counter", "package lib; public final class Counter { public static int value; }");
    for (int i = 0; i < files; i++) {
      sources.put("iso.Static" + i + "Test", """
          package iso;
          class Static%dTest {
            @org.junit.jupiter.api.Test
            void isTheFirstToCountInItsLibrary() {
              System.setProperty("%s%d", String.valueOf(System.identityHashCode(org.junit.jupiter.api.Test.class)));
              org.junit.jupiter.api.Assertions.assertEquals(1, ++lib.Counter.value, "the library's statics are fresh");
            }
          }
          """.formatted(i, key, i));
    }
    Path folder = root.resolve("classes");
    List<Path> classpath = new ArrayList<>(TestClasspath.compile(folder, sources));
    Path library = root.resolve("lib.jar"); // the counter, as a dependency of the project
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(library))) {
      out.putNextEntry(new JarEntry("lib/Counter.class"));
      out.write(Files.readAllBytes(folder.resolve("lib/Counter.class")));
    }
    Files.delete(folder.resolve("lib/Counter.class"));
    classpath.add(1, library);

    PoolRun isolated = PoolTestKit.pool("threads").classpath(classpath).testClassDirs(folder).option("maxWorkers", 1)
        .option("isolate", true).run();
    PoolRun reused = PoolTestKit.pool("threads").classpath(classpath).testClassDirs(folder).option("maxWorkers", 1)
        .option("isolate", false).run();

    assertThat(isolated.files()).hasSize(files).allMatch(passed()::matches);
    assertThat(isolated.orderViolations()).isEmpty();
    assertThat(IntStream.range(0, files).mapToObj(i -> System.getProperty(key + i)).collect(Collectors.toSet()))
        .as("Jupiter's @Test in each file: one, loaded once for the worker slot").singleElement().isNotNull();
    assertThat(reused.files()).as("one loader for every file: the library's counter goes on")
        .haveExactly(1, passed()).haveExactly(files - 1, failed());
    IntStream.range(0, files).forEach(i -> System.clearProperty(key + i));
  }

  @Test
  void aReusedWorkerKeepsItsClassesSoStaticsLeakBetweenFiles() {
    PoolRun run = threads("**/Counter*Fixture.class").option("isolate", false).option("maxWorkers", 1).run();

    assertThat(run.files()).haveExactly(1, passed()).haveExactly(1, failed());
    assertThat(run.console()).contains("expected: <1> but was: <2>");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.orderViolations()).isEmpty();
  }

  @Test
  void outputIsCapturedPerTestWhileWorkersPrintAtOnce() {
    PoolRun run = threads("**/Printer*Fixture.class").option("maxWorkers", 2).run();

    assertThat(run.files()).hasSize(2).are(passed());
    for (String name : List.of("A", "B")) {
      TestCase test = run.file("dev.lanes.pool.threads.fixtures.Printer" + name + "Fixture").tests().get(0);
      String printed = test.logs().stream().map(UserConsoleLog::content).collect(Collectors.joining());
      List<String> lines = printed.lines().toList();
      assertThat(lines).hasSize(201).allMatch(line -> line.startsWith(name + "-"));
      assertThat(lines).contains(name + "-line-0", name + "-line-199", name + "-from-helper-thread");
    }
  }

  @Test
  void aClassThatCannotInitialiseFailsItsFileWithTheReason() {
    PoolRun run = threads("**/*Fixture.class").option("maxWorkers", 2).filter("BrokenInit", "CounterOne").run();

    TestModule broken = run.file("dev.lanes.pool.threads.fixtures.BrokenInitFixture");
    assertThat(broken).is(failed());
    // JUnit initialises the class when it creates the test instance, so the error belongs to the test
    assertThat(broken.tests()).singleElement().extracting(t -> t.result().orElseThrow().errors())
        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.list(dev.lanes.spi.protocol.TestError.class))
        .singleElement().satisfies(error -> {
      assertThat(error.name()).isEqualTo("java.lang.ExceptionInInitializerError");
      assertThat(error.cause()).get().satisfies(cause -> assertThat(cause.message()).contains("not a number"));
    });
    assertThat(run.file("dev.lanes.pool.threads.fixtures.CounterOneFixture")).is(passed());
    assertThat(run.orderViolations()).isEmpty();
  }

  @Test
  void unknownThreadsOptionsNameTheValidKeys() {
    assertThatThrownBy(() -> threads("**/CounterOneFixture.class").option("poolOptions.threads.stackSzie", 1).run())
        .isInstanceOf(PoolConfigurationException.class)
        .hasMessageContaining("poolOptions.threads has no key 'stackSzie'; valid keys: threadStackSize.");
  }

  @Test
  void aTestThatFloodsStdoutKeepsABoundedLogAndPasses() {
    PoolRun run = threads("**/FloodFixture.class").run();

    TestCase flood = run.file("dev.lanes.pool.threads.fixtures.FloodFixture").tests().get(0);
    assertThat(flood.result()).get().extracting(r -> r.state()).isEqualTo(dev.lanes.spi.protocol.TaskState.PASS);
    String printed = flood.logs().stream().map(UserConsoleLog::content).collect(Collectors.joining());
    assertThat(printed.length()).isBetween(1024 * 1024, 1024 * 1024 + 200);
    assertThat(printed).endsWith("more characters were dropped\n").contains("[lanes] output truncated: ");
  }

  @Test
  void aClassFileThatCannotBeReadFailsItsFileWithTheReason(@org.junit.jupiter.api.io.TempDir Path classes)
      throws Exception {
    java.nio.file.Files.createDirectories(classes.resolve("broken"));
    java.nio.file.Files.write(classes.resolve("broken/CorruptTest.class"), new byte[] {(byte) 0xCA, (byte) 0xFE, 1, 2});

    PoolRun run = threads("**/*Test.class").testClassDirs(classes).classpath(TestClasspath.withJupiter(classes)).run();

    TestModule corrupt = run.file("broken.CorruptTest");
    assertThat(corrupt).is(failed());
    assertThat(corrupt.errors()).singleElement().satisfies(error -> {
      assertThat(error.name()).isEqualTo("java.lang.ClassFormatError");
      assertThat(error.message()).isEqualTo("cannot load test class 'broken.CorruptTest': Truncated class file");
    });
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.orderViolations()).isEmpty();
  }

  @Test
  void anExitThroughAMethodReferenceThatTheTestSwallowsStillFailsItsFileAndTheJvmLives() {
    PoolRun run = threads("**/ExitByReferenceFixture.class").run();

    TestModule file = run.file("dev.lanes.pool.threads.fixtures.ExitByReferenceFixture");
    assertThat(file).is(failed());
    assertThat(file.errors()).singleElement().satisfies(error -> assertThat(error.message())
        .startsWith("System.exit(5) called from dev.lanes.pool.threads.fixtures.ExitByReferenceFixture"
            + ".exitsThroughAMethodReferenceAndSwallowsWhatHappens(ExitByReferenceFixture.java:11)"));
    assertThat(run.orderViolations()).isEmpty();
  }

  @Test
  void aTestThatIgnoresItsTimeoutIsGivenUpOnWithAThreadDump() {
    PoolRun run = threads("**/HangFixture.class").option("testTimeout", "500ms").option("teardownTimeout", "500ms").run();

    TestModule file = run.file("dev.lanes.pool.threads.fixtures.HangFixture");
    assertThat(file).is(timedOut()).isNot(crashed());
    assertThat(file.errors()).singleElement().satisfies(error -> assertThat(error.message())
        .contains("Last test started: dev.lanes.pool.threads.fixtures.HangFixture > ignoresTheInterruptOfItsTimeout()")
        .contains("HangFixture.ignoresTheInterruptOfItsTimeout(HangFixture.java:"));
    assertThat(run.orderViolations()).isEmpty();
  }
}
