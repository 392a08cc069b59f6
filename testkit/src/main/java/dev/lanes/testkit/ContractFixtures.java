package dev.lanes.testkit;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The test classes {@link PoolWorkerContract} runs, compiled at test time against the caller's JUnit
 * Jupiter: one that passes, a second that passes (for reuse), one that sleeps and ignores interrupts,
 * and one that calls {@code System.exit(7)}.
 */
final class ContractFixtures {
  static final String PASSING = "lanes.contract.PassingTest";
  static final String PASSING_AGAIN = "lanes.contract.PassingAgainTest";
  static final String SLEEPING = "lanes.contract.SleepingTest";
  static final String EXITING = "lanes.contract.ExitingTest";

  private static final Map<String, String> SOURCES = Map.of(
      "PassingTest", """
          package lanes.contract;

          class PassingTest {
            @org.junit.jupiter.api.Test
            void passes() {
              System.out.println("passing");
            }
          }
          """,
      "PassingAgainTest", """
          package lanes.contract;

          class PassingAgainTest {
            @org.junit.jupiter.api.Test
            void passesAgain() {
            }
          }
          """,
      "SleepingTest", """
          package lanes.contract;

          class SleepingTest {
            @org.junit.jupiter.api.Test
            void sleepsAndIgnoresInterrupts() {
              long end = System.nanoTime() + 120_000_000_000L;
              while (System.nanoTime() < end) {
                try {
                  Thread.sleep(100);
                } catch (InterruptedException ignored) {
                  // a test that will not stop when asked
                }
              }
            }
          }
          """,
      "ExitingTest", """
          package lanes.contract;

          class ExitingTest {
            @org.junit.jupiter.api.Test
            void exits() {
              System.exit(7);
            }
          }
          """);

  private ContractFixtures() {
  }

  /** Compiles the fixtures into {@code folder}; returns the test class path: the folder and the JUnit jars. */
  static List<Path> compile(Path folder) {
    List<Path> classpath = TestClasspath.withJupiter(folder);
    try {
      Path sources = Files.createDirectories(folder.resolveSibling(folder.getFileName() + "-src").resolve("lanes/contract"));
      List<String> args = new ArrayList<>(List.of("-d", folder.toString(), "-cp",
          String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList())));
      for (Map.Entry<String, String> source : SOURCES.entrySet()) {
        Path file = sources.resolve(source.getKey() + ".java");
        Files.writeString(file, source.getValue());
        args.add(file.toString());
      }
      JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
      if (compiler == null) {
        throw new IllegalStateException("the contract compiles its fixtures, which needs a JDK, not a JRE");
      }
      StringWriter errors = new StringWriter();
      if (!compiler.getTask(errors, null, null, args.subList(0, 4), null,
          compiler.getStandardFileManager(null, null, null).getJavaFileObjectsFromStrings(args.subList(4, args.size())))
          .call()) {
        throw new IllegalStateException("the contract's fixtures did not compile:\n" + errors);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return classpath;
  }
}
