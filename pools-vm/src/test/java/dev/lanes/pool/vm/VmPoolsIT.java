package dev.lanes.pool.vm;

import static dev.lanes.testkit.FileConditions.crashed;
import static dev.lanes.testkit.FileConditions.passed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.testkit.PoolRun;
import dev.lanes.testkit.PoolTestKit;
import dev.lanes.testkit.TestClasspath;
import java.lang.management.ManagementFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vmForks with real child JVMs, and a long vmThreads run that must not grow. */
class VmPoolsIT {
  @TempDir
  Path root;

  @Test
  void vmForksRunsEveryFileWithFreshStaticsInOneReusedJvm() {
    Path folder = root.resolve("classes");
    Map<String, String> sources = new HashMap<>();
    sources.put("vm.Counter", "package vm; public final class Counter { public static int value; }");
    for (int i = 0; i < 20; i++) {
      sources.put("vm.Static" + i + "Test", """
          package vm;
          class Static%dTest {
            @org.junit.jupiter.api.Test
            void isTheFirstToCount() {
              System.out.println("pid " + ProcessHandle.current().pid());
              org.junit.jupiter.api.Assertions.assertEquals(1, ++Counter.value, "statics are fresh in every file");
            }
          }
          """.formatted(i));
    }
    List<Path> classpath = TestClasspath.compile(folder, sources);

    PoolRun run = PoolTestKit.pool("vmForks").classpath(classpath).testClassDirs(folder).option("maxWorkers", 1).run();

    assertThat(run.files()).hasSize(20).allMatch(passed()::matches);
    assertThat(Pattern.compile("pid (\\d+)").matcher(run.console()).results().map(m -> m.group(1)).distinct())
        .as("one worker JVM ran every file").hasSize(1);
  }

  /**
   * Java serialization in a library on the class path resolves the project's classes with the library's loader: it
   * must get the running file's classes (not a second copy, not an earlier file's), in one worker, file after file.
   */
  @Test
  void aLibraryDeserializesTheRunningFilesClassesFileAfterFile() {
    Path folder = root.resolve("classes");
    List<Path> classpath = TestClasspath.serializingLibrary(folder);

    PoolRun run = PoolTestKit.pool("vmForks").classpath(classpath).testClassDirs(folder).option("maxWorkers", 1)
        .run();

    assertThat(run.files()).extracting(f -> f.moduleId())
        .containsExactlyInAnyOrder("app.RoundtripTest", "app.RoundtripAgainTest");
    assertThat(run.files()).allMatch(passed()::matches);
    assertThat(run.console()).as("the first file's worker is retired, and the run says why")
        .containsPattern("worker \\d+ was retired after app\\.Roundtrip(Again)?Test: its JVM keeps this file's app\\.Point,"
            + " which a library on the class path looked up by name");
  }

  @Test
  void aFileThatEndsTheVmForksJvmFailsAloneAndTheNextFileGetsAFreshOne() {
    Path folder = root.resolve("classes");
    List<Path> classpath = TestClasspath.compile(folder, Map.of(
        "vm.AExitsTest", "package vm; class AExitsTest { @org.junit.jupiter.api.Test void exits() { System.exit(3); } }",
        "vm.BPassesTest", "package vm; class BPassesTest { @org.junit.jupiter.api.Test void passes() { } }"));

    PoolRun run = PoolTestKit.pool("vmForks").classpath(classpath).testClassDirs(folder).option("maxWorkers", 1).run();

    assertThat(run.file("vm.AExitsTest")).is(crashed());
    assertThat(run.file("vm.BPassesTest")).is(passed());
    assertThat(run.exitCode()).isEqualTo(1);
  }

  /**
   * 2,000 files under a low limit. Each file holds 256 KiB in a static of its own class (fresh in every file), and
   * adds 256 KiB to a cache in a library jar (kept by the worker, as a library's state is): workers grow, pass the
   * limit, and are recycled. After the run, with every worker and the run's record of its results gone, the JVM
   * holds no more heap than before the run (8 MiB of slack) and no more Metaspace than after the first 100 files: a
   * kept file loader would hold 256 KiB of heap, a kept worker its cache (about 25 MiB) and a JUnit.
   */
  @Test
  void twoThousandFilesUnderALowLimitRecycleWorkersAndLeaveNothingBehind() throws Exception {
    int files = 2_000;
    Path folder = root.resolve("classes");
    Map<String, String> sources = new HashMap<>();
    sources.put("soaklib.Cache", """
        package soaklib;
        public final class Cache {
          private static final java.util.List<byte[]> KEPT = new java.util.ArrayList<>();
          public static synchronized void keep(int bytes) {
            KEPT.add(new byte[bytes]);
          }
        }
        """);
    sources.put("soak.Probe", """
        package soak;
        import java.lang.management.ManagementFactory;
        public final class Probe {
          /** Counts files in a JVM-wide property (which outlives every loader) and measures after the 100th. */
          public static void count() {
            int n = Integer.getInteger("lanes.soak.count", 0) + 1;
            System.setProperty("lanes.soak.count", String.valueOf(n));
            if (n == 100) {
              for (int i = 0; i < 3; i++) {
                System.gc();
              }
              long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream()
                  .filter(p -> p.getName().equals("Metaspace")).mapToLong(p -> p.getUsage().getUsed()).sum();
              long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
              System.setProperty("lanes.soak.first", heap + "," + metaspace);
            }
          }
        }
        """);
    for (int i = 0; i < files; i++) {
      sources.put("soak.Soak" + i + "Test", """
          package soak;
          class Soak%dTest {
            static final byte[] BALLAST = new byte[256 * 1024];
            @org.junit.jupiter.api.Test
            void counts() {
              BALLAST[%d] = 1;
              soaklib.Cache.keep(256 * 1024);
              Probe.count();
            }
          }
          """.formatted(i, i % 1024));
    }
    List<Path> classpath = new ArrayList<>(TestClasspath.compile(folder, sources));
    classpath.add(jar(folder.resolve("soaklib"), root.resolve("soaklib.jar")));
    PoolTestKit soak = PoolTestKit.pool("vmThreads").classpath(classpath).testClassDirs(folder).option("maxWorkers", 1);
    soak.include("**/Soak0Test.class").run(); // the host's own classes loaded, as they are after 100 files
    System.clearProperty("lanes.soak.count");
    long[] before = measure();
    long low = before[0] + before[1] + (64 << 20); // what this JVM keeps now and 64 MiB

    PoolRun run = soak.include("**/*Test.class").option("vmMemoryLimit", low).run();
    int exitCode = run.exitCode();
    long passedFiles = run.files().stream().filter(passed()::matches).count();
    String console = run.console();
    run = null; // the run's record of 2,000 results goes too: what remains is what the pool left behind
    soak = null;
    String[] first = System.getProperty("lanes.soak.first", "").split(",");
    long heapLimit = before[0] + (8 << 20);
    long[] after = settled(heapLimit, first); // before any assertion, whose classes would count as Metaspace

    assertThat(exitCode).as(console).isZero();
    assertThat(passedFiles).isEqualTo(files);
    Matcher recycled = Pattern.compile("\\[vmThreads] (\\d+) workers? (was|were) recycled").matcher(console);
    assertThat(recycled.find()).as(console).isTrue();
    int recycles = Integer.parseInt(recycled.group(1));
    assertThat(recycles).isBetween(2, files / 50);
    assertThat(first).as("measured after the 100th file").hasSize(2);
    long heap = Long.parseLong(first[0]);
    long metaspace = Long.parseLong(first[1]);
    System.out.printf("soak: %d workers recycled; heap %d KiB before, %d after 100 files, %d after the run;"
        + " Metaspace %d -> %d KiB%n", recycles, before[0] >> 10, heap >> 10, after[0] >> 10, metaspace >> 10,
        after[1] >> 10);
    assertThat(after[0]).as("heap after a full collection, against before the run").isLessThanOrEqualTo(heapLimit);
    assertThat(after[1]).as("Metaspace after a full collection").isLessThanOrEqualTo(metaspace + metaspace / 10);
  }

  /** The heap and Metaspace in use after full collections; the probe does the same inside the run. */
  private static long[] measure() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    long metaspace = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
        .mapToLong(p -> p.getUsage().getUsed()).sum();
    return new long[] {ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), metaspace};
  }

  /**
   * What is in use once the run's last stops are over: stops are fire-and-forget (Vitest's), so a worker retired at
   * the very end may still be ending when the run returns, its loader and cache still reachable from its thread (seen
   * for up to a second). Measured again for up to 20 s until the heap is within {@code heapLimit} and Metaspace within
   * 10% of {@code first}'s; a leak stays, and fails the test.
   */
  private static long[] settled(long heapLimit, String[] first) throws InterruptedException {
    long metaspaceLimit = first.length == 2 ? Long.parseLong(first[1]) * 11 / 10 : Long.MAX_VALUE;
    long[] now = measure();
    long deadline = System.nanoTime() + 20_000_000_000L;
    while ((now[0] > heapLimit || now[1] > metaspaceLimit) && System.nanoTime() < deadline) {
      Thread.sleep(200);
      now = measure();
    }
    return now;
  }

  /** Moves the classes of {@code folder} (a package of the compiled fixtures) into a jar: a library of the project. */
  private static Path jar(Path folder, Path jar) throws IOException {
    List<Path> classes;
    try (Stream<Path> walk = Files.walk(folder)) {
      classes = walk.filter(Files::isRegularFile).toList();
    }
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (Path file : classes) {
        out.putNextEntry(new JarEntry(folder.getParent().relativize(file).toString().replace('\\', '/')));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
        Files.delete(file);
      }
    }
    return jar;
  }

}
