package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code lanes watch} in a real terminal: {@code script} gives it a pseudo-terminal, the test types the keys (one
 * byte each, no Enter, so they only arrive if the terminal is in raw mode) and recompiles classes with javac.
 * Only the test classes that use what changed run again.
 */
class WatchIT {
  private static final Pattern WAITING = Pattern.compile("(Waiting for file changes|Watching for file changes)");
  private static final Pattern FILE_LINE = Pattern.compile("[✓❯×↓] (shop\\.\\w+Test) \\(");

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"threads", "vmThreads"})
  void aRecompiledClassRerunsOnlyTheTestClassesThatUseItAndTheKeysWork(String pool) throws Exception {
    Path sources = writeProject();
    compile(dir.resolve("classes"), List.of(), sources.resolve("main"));
    compile(dir.resolve("test-classes"), List.of(dir.resolve("classes").toString(), sampleClasspath()),
        sources.resolve("test"));
    Files.writeString(dir.resolve("lanes.conf"), """
        classpath = ["test-classes", "classes", "@%s"]
        testClassDirs = ["test-classes"]
        pool = %s
        """.formatted(LanesCli.example("sample-project").resolve("target/lanes-classpath.txt"), pool));
    Path out = dir.resolve("terminal.txt");
    Process terminal = startInTerminal(out);
    try (OutputStream keys = terminal.getOutputStream()) {
      List<String> runs = awaitRuns(out, terminal, 1);
      assertThat(files(runs.get(0))).containsExactlyInAnyOrder("shop.CartTest", "shop.MoneyTest", "shop.NamesTest");

      // Money changes: MoneyTest uses it, CartTest uses Cart which uses it; NamesTest does not
      edit(sources.resolve("main/shop/Money.java"), "cents + other.cents", "other.cents + cents");
      compile(dir.resolve("classes"), List.of(), sources.resolve("main")); // javac rewrites every class; one differs
      runs = awaitRuns(out, terminal, 2);
      assertThat(runs.get(1)).contains("RERUN  shop.Money -> 2 test files");
      assertThat(files(runs.get(1))).containsExactlyInAnyOrder("shop.CartTest", "shop.MoneyTest");

      // Names breaks: only NamesTest runs, and fails
      edit(sources.resolve("main/shop/Names.java"), "\"Hello, \"", "\"Bye, \"");
      compile(dir.resolve("classes"), List.of(), sources.resolve("main"));
      runs = awaitRuns(out, terminal, 3);
      assertThat(files(runs.get(2))).containsExactly("shop.NamesTest");
      assertThat(runs.get(2)).contains("Test Files  1 failed (1)").contains("Tests failed. Watching for file changes");

      press(keys, 'f'); // the failed files again
      runs = awaitRuns(out, terminal, 4);
      assertThat(files(runs.get(3))).containsExactly("shop.NamesTest");

      press(keys, 'a'); // everything
      runs = awaitRuns(out, terminal, 5);
      assertThat(files(runs.get(4))).containsExactlyInAnyOrder("shop.CartTest", "shop.MoneyTest", "shop.NamesTest");
      assertThat(runs.get(4)).contains("Test Files  1 failed | 2 passed (3)");

      press(keys, 'q');
      assertThat(terminal.waitFor(30, TimeUnit.SECONDS)).as("q quits:\n" + Files.readString(out)).isTrue();
    } finally {
      terminal.destroyForcibly();
    }
    assertThat(terminal.exitValue()).as("the last run failed").isEqualTo(1);
  }

  @org.junit.jupiter.api.Test
  void qInARunWhoseTestHangsQuitsWithinSecondsAndReportsTheRunInterrupted() throws Exception {
    Path started = dir.resolve("started");
    Path classes = SlowTests.compile(dir, started);
    Files.writeString(dir.resolve("lanes.conf"), """
        classpath = ["%s", "@%s"]
        testClassDirs = ["%s"]
        maxWorkers = 1
        testTimeout = 0
        """.formatted(classes, LanesCli.example("sample-project").resolve("target/lanes-classpath.txt"), classes));
    Path out = dir.resolve("terminal.txt");
    Process terminal = startInTerminal(out);
    try (OutputStream keys = terminal.getOutputStream()) {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (!Files.exists(started) && System.nanoTime() < deadline && terminal.isAlive()) {
        Thread.sleep(50);
      }
      assertThat(started).as("the first slow test started:\n" + Files.readString(out)).exists();

      press(keys, 'q');

      assertThat(terminal.waitFor(30, TimeUnit.SECONDS)).as("q quits:\n" + Files.readString(out)).isTrue();
    } finally {
      terminal.destroyForcibly();
    }
    assertThat(Files.readString(out)).contains("Stopping: no more files").contains("The run was interrupted.");
    assertThat(terminal.exitValue()).as("interrupted, as after Ctrl-C").isEqualTo(130);
  }

  @org.junit.jupiter.api.Test
  void testClassesABuildWritesAfterTheStartRun() throws Exception {
    Path sources = writeProject();
    compile(dir.resolve("classes"), List.of(), sources.resolve("main"));
    Files.writeString(dir.resolve("lanes.conf"), """
        classpath = ["test-classes", "classes", "@%s"]
        testClassDirs = ["test-classes"]
        """.formatted(LanesCli.example("sample-project").resolve("target/lanes-classpath.txt")));
    Path out = dir.resolve("terminal.txt");
    Process terminal = startInTerminal(out);
    try (OutputStream keys = terminal.getOutputStream()) {
      List<String> runs = awaitRuns(out, terminal, 1);
      assertThat(runs.get(0)).contains("No test files found").contains("IDLE  No test files yet.");

      compile(dir.resolve("test-classes"), List.of(dir.resolve("classes").toString(), sampleClasspath()),
          sources.resolve("test"));

      runs = awaitRuns(out, terminal, 2);
      assertThat(files(runs.get(1))).containsExactlyInAnyOrder("shop.CartTest", "shop.MoneyTest", "shop.NamesTest");
      assertThat(runs.get(1)).contains("Test Files  3 passed (3)");
      press(keys, 'q');
      assertThat(terminal.waitFor(30, TimeUnit.SECONDS)).as("q quits:\n" + Files.readString(out)).isTrue();
    } finally {
      terminal.destroyForcibly();
    }
    assertThat(terminal.exitValue()).isZero();
  }

  @org.junit.jupiter.api.Test
  void aShardOrTheBlobReporterIsRefusedInWatchModeBeforeAnythingRuns() throws Exception {
    Files.writeString(dir.resolve("lanes.conf"), LanesCli.sampleClasspathConf());

    LanesCli.Result result = LanesCli.run(dir, "watch", "--shard", "1/2", "--reporter", "blob");

    assertThat(result.exitCode()).isEqualTo(Main.CONFIGURATION_ERROR);
    assertThat(result.all()).contains("You cannot use --shard option with enabled watch")
        .contains("the blob reporter is not supported in watch mode").doesNotContain("RUN ");
  }

  /** {@code lanes watch} in {@code dir}, in a pseudo-terminal that {@code script} makes; its screen goes to {@code out}. */
  private Process startInTerminal(Path out) throws IOException {
    List<String> lanes = new ArrayList<>(LanesCli.command(List.of()));
    lanes.add("watch");
    ProcessBuilder builder = new ProcessBuilder("script", "-qfec",
        lanes.stream().map(WatchIT::quoted).collect(Collectors.joining(" ")), "/dev/null")
        .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
    builder.environment().put("CI", "true");
    builder.environment().put("TERM", "xterm");
    return builder.start();
  }

  private Path writeProject() throws IOException {
    Path sources = dir.resolve("src");
    write(sources.resolve("main/shop/Money.java"), """
        package shop;
        public record Money(long cents) {
          public Money plus(Money other) { return new Money(cents + other.cents); }
        }
        """);
    write(sources.resolve("main/shop/Cart.java"), """
        package shop;
        public class Cart {
          private final java.util.List<Money> prices = new java.util.ArrayList<>();
          public void add(Money price) { prices.add(price); }
          public Money total() { return prices.stream().reduce(new Money(0), Money::plus); }
        }
        """);
    write(sources.resolve("main/shop/Names.java"), """
        package shop;
        public final class Names {
          public static String greet(String name) { return "Hello, " + name; }
        }
        """);
    write(sources.resolve("test/shop/MoneyTest.java"), """
        package shop;
        class MoneyTest {
          @org.junit.jupiter.api.Test void adds() {
            org.junit.jupiter.api.Assertions.assertEquals(new Money(3), new Money(1).plus(new Money(2)));
          }
        }
        """);
    write(sources.resolve("test/shop/CartTest.java"), """
        package shop;
        class CartTest {
          @org.junit.jupiter.api.Test void totals() {
            Cart cart = new Cart();
            cart.add(new Money(5));
            cart.add(new Money(7));
            org.junit.jupiter.api.Assertions.assertEquals(12, cart.total().cents());
          }
        }
        """);
    write(sources.resolve("test/shop/NamesTest.java"), """
        package shop;
        class NamesTest {
          @org.junit.jupiter.api.Test void greets() {
            org.junit.jupiter.api.Assertions.assertEquals("Hello, Ann", Names.greet("Ann"));
          }
        }
        """);
    return sources;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static void edit(Path file, String from, String to) throws IOException {
    String text = Files.readString(file);
    assertThat(text).contains(from);
    Files.writeString(file, text.replace(from, to));
  }

  private static String sampleClasspath() throws IOException {
    return String.join(File.pathSeparator, Files.readAllLines(
        LanesCli.example("sample-project").resolve("target/lanes-classpath.txt")));
  }

  private static void compile(Path classes, List<String> classpath, Path sources) throws IOException {
    List<String> args = new ArrayList<>(List.of("-d", classes.toString()));
    if (!classpath.isEmpty()) {
      args.addAll(List.of("-cp", String.join(File.pathSeparator, classpath)));
    }
    try (var files = Files.walk(sources)) {
      files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
    }
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();
  }

  private static void press(OutputStream keys, char key) throws IOException {
    keys.write(key);
    keys.flush();
  }

  /** The terminal's text cut at each "waiting" line, once {@code count} runs have ended. */
  private static List<String> awaitRuns(Path out, Process terminal, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      String text = Files.readString(out, StandardCharsets.UTF_8);
      List<String> runs = new ArrayList<>();
      Matcher waiting = WAITING.matcher(text);
      int from = 0;
      while (waiting.find()) {
        runs.add(text.substring(from, waiting.end()));
        from = waiting.end();
      }
      if (runs.size() >= count) {
        return runs;
      }
      if (!terminal.isAlive()) {
        throw new AssertionError("lanes watch ended early:\n" + text);
      }
      Thread.sleep(100);
    }
    throw new AssertionError("run " + count + " did not end within 2 minutes:\n" + Files.readString(out));
  }

  private static List<String> files(String run) {
    List<String> files = new ArrayList<>();
    Matcher line = FILE_LINE.matcher(run);
    while (line.find()) {
      files.add(line.group(1));
    }
    return files;
  }

  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
