package dev.lanes.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn} on a copy of {@code examples/sample-project}, which declares this plugin: the suite runs through Lanes
 * in the test phase, with Surefire's switches and reports. The plugin comes from the local repository, where this
 * module was installed before these tests run (they are bound to the install phase).
 */
class MavenPluginIT {
  private static final Path REPO = Path.of(System.getProperty("lanes.repo", "..")).toAbsolutePath().normalize();
  private static final Pattern SUITE = Pattern.compile("<testsuite\\s[^>]*>");

  @TempDir
  static Path work;
  static Path sample;

  record Mvn(int exitCode, String out) {
  }

  @BeforeAll
  static void copyTheSample() throws IOException {
    sample = work.resolve("sample-project");
    copy(REPO.resolve("examples/sample-project"), sample);
  }

  @Test
  void mvnTestRunsTheSuiteThroughLanesWithSurefiresCountsAndReports() throws Exception {
    Mvn surefire = mvn(sample, "test-compile", "surefire:test");
    assertThat(surefire.exitCode()).as(surefire.out()).isZero();
    Map<String, List<Integer>> baseline = counts(sample.resolve("target/surefire-baseline"));
    assertThat(baseline.values().stream().mapToInt(c -> c.get(0)).sum()).isEqualTo(22);

    Mvn lanes = mvn(sample, "test");

    assertThat(lanes.exitCode()).as(lanes.out()).isZero();
    assertThat(lanes.out()).contains("Test Files  5 passed (5)", "Tests  22 passed (22)", "BUILD SUCCESS")
        .contains("stdout | dev.lanes.sample.InvoicePrinterTest > printsLinesAndTotal()")
        .contains(" SUREFIRE  5 reports written to target/surefire-reports")
        .doesNotContain("T E S T S"); // Surefire's banner: it did not run
    Map<String, List<Integer>> reports = counts(sample.resolve("target/surefire-reports"));
    assertThat(reports).containsOnlyKeys("dev.lanes.sample.InvoicePrinterTest", "dev.lanes.sample.MoneyTest",
        "dev.lanes.sample.RingBufferTest", "dev.lanes.sample.RunMarkerTest", "dev.lanes.sample.SlugsTest");
    assertThat(reports).isEqualTo(byOuterClass(baseline));
  }

  @Test
  void thePoolIsChosenWithLanesPoolOrTheParameter() throws Exception {
    Mvn forks = mvn(sample, "test", "-Dlanes.pool=forks", "-Dlanes.reporters=verbose");

    assertThat(forks.exitCode()).as(forks.out()).isZero();
    assertThat(forks.out()).contains("Tests  22 passed (22)").contains("[forks]").doesNotContain("[threads]");

    Mvn typo = mvn(sample, "test", "-Dlanes.pool=thread");
    assertThat(typo.exitCode()).as(typo.out()).isEqualTo(1);
    assertThat(typo.out()).contains("system property -Dlanes.pool: pool 'thread' is not known (did you mean 'threads'?)")
        .contains("threads").contains("BUILD FAILURE");

    Path pom = sample.resolve("pom.xml");
    String original = Files.readString(pom);
    try {
      Files.writeString(pom, original.replace("<goals><goal>test</goal></goals>",
          "<goals><goal>test</goal></goals><configuration><pool>vmThreads</pool>"
              + "<reporters><reporter>verbose</reporter></reporters></configuration>"));
      Mvn vm = mvn(sample, "test");
      assertThat(vm.exitCode()).as(vm.out()).isZero();
      assertThat(vm.out()).contains("Tests  22 passed (22)").contains("[vmThreads]");

      Mvn badValue = mvn(sample, "test", "-Dlanes.isolate=maybe");
      assertThat(badValue.exitCode()).as(badValue.out()).isEqualTo(1);
      assertThat(badValue.out()).contains("-Dlanes.isolate: isolate has type STRING rather than BOOLEAN")
          .contains("BUILD FAILURE");
    } finally {
      Files.writeString(pom, original);
    }
  }

  @Test
  void aFailingTestFailsTheBuildAndIsInTheReportUnlessFailuresAreIgnored() throws Exception {
    Path project = work.resolve("failing");
    copy(sample, project);
    Path test = project.resolve("src/test/java/dev/lanes/sample/BrokenTest.java");
    Files.writeString(test, """
        package dev.lanes.sample;
        class BrokenTest {
          @org.junit.jupiter.api.Test
          void addsUp() {
            org.junit.jupiter.api.Assertions.assertEquals(3, 2 + 2, "two and two");
          }
        }
        """);

    Mvn failed = mvn(project, "test");

    assertThat(failed.exitCode()).as(failed.out()).isEqualTo(1);
    assertThat(failed.out()).contains("two and two ==> expected: <3> but was: <4>", "There are test failures",
        "BUILD FAILURE");
    String report = Files.readString(project.resolve("target/surefire-reports/TEST-dev.lanes.sample.BrokenTest.xml"));
    assertThat(report).contains("<testsuite name=\"dev.lanes.sample.BrokenTest\" tests=\"1\" failures=\"1\"")
        .contains("<failure message=\"two and two ==&gt; expected: &lt;3&gt; but was: &lt;4&gt;\"")
        .contains("type=\"org.opentest4j.AssertionFailedError\"");

    Mvn ignored = mvn(project, "test", "-Dmaven.test.failure.ignore=true");
    assertThat(ignored.exitCode()).as(ignored.out()).isZero();
    assertThat(ignored.out()).contains("There are test failures", "BUILD SUCCESS");
  }

  @Test
  void surefiresSwitchesSelectAndSkip() throws Exception {
    Mvn some = mvn(sample, "test", "-Dtest=MoneyTest#adds+*Evenly,Slugs*");
    assertThat(some.exitCode()).as(some.out()).isZero();
    assertThat(some.out()).contains("Test Files  2 passed (2)");
    Map<String, List<Integer>> reports = counts(sample.resolve("target/surefire-reports"));
    assertThat(reports.get("dev.lanes.sample.MoneyTest")).containsExactly(2, 0, 0, 0);

    Mvn none = mvn(sample, "test", "-Dtest=NoSuchTest");
    assertThat(none.exitCode()).isEqualTo(1);
    assertThat(none.out()).contains("No test files found").contains("BUILD FAILURE");
    Mvn allowed = mvn(sample, "test", "-Dtest=NoSuchTest", "-Dsurefire.failIfNoSpecifiedTests=false");
    assertThat(allowed.exitCode()).as(allowed.out()).isZero();

    Mvn skipped = mvn(sample, "test", "-DskipTests");
    assertThat(skipped.exitCode()).as(skipped.out()).isZero();
    assertThat(skipped.out()).contains("Tests are skipped (skipTests).").doesNotContain("Test Files");
    Mvn notCompiled = mvn(sample, "test", "-Dmaven.test.skip=true");
    assertThat(notCompiled.exitCode()).as(notCompiled.out()).isZero();
    assertThat(notCompiled.out()).contains("Tests are skipped (maven.test.skip).");
  }

  @Test
  void argLineReachesForkedWorkersAndTheInProcessPoolsSayItDoesNot() throws Exception {
    Path project = work.resolve("argline");
    copy(sample, project);
    Files.writeString(project.resolve("src/test/java/dev/lanes/sample/FlagTest.java"), """
        package dev.lanes.sample;
        class FlagTest {
          @org.junit.jupiter.api.Test
          void seesTheFlag() {
            org.junit.jupiter.api.Assertions.assertEquals("on with spaces", System.getProperty("lanes.it.flag"));
          }
        }
        """);

    Mvn with = mvn(project, "test", "-Dtest=FlagTest", "-Dlanes.pool=forks", "-DargLine=-Xss2m '-Dlanes.it.flag=on with spaces'");
    Mvn without = mvn(project, "test", "-Dtest=FlagTest", "-Dlanes.pool=forks");
    Mvn inTheDefaultPool = mvn(project, "test", "-Dtest=FlagTest", "-Dlanes.pool=vmForks",
        "-DargLine=-Dlanes.it.flag='on with spaces'");

    assertThat(with.exitCode()).as(with.out()).isZero();
    assertThat(without.exitCode()).as(without.out()).isEqualTo(1);
    assertThat(inTheDefaultPool.exitCode()).as(inTheDefaultPool.out()).isZero();

    Mvn inThreads = mvn(project, "test", "-Dtest=FlagTest", "-Dlanes.pool=threads", "-DargLine=-Dlanes.it.flag=on");
    assertThat(inThreads.exitCode()).as(inThreads.out()).isEqualTo(1);
    assertThat(inThreads.out()).contains("[threads] JVM flags -Dlanes.it.flag=on cannot reach the tests: threads runs "
        + "them in Lanes' own JVM (Maven's under mvn test)");
  }

  @Test
  void aParallelBuildRunsEachModulesTestsWithTheCoresSharedAmongItsThreads() throws Exception {
    Path build = work.resolve("two-modules");
    for (String module : List.of("one", "two")) {
      copy(REPO.resolve("examples/sample-project"), build.resolve(module));
      Path pom = build.resolve(module).resolve("pom.xml");
      Files.writeString(pom, Files.readString(pom).replace("<artifactId>lanes-sample-project</artifactId>",
          "<artifactId>lanes-sample-" + module + "</artifactId>"));
    }
    Files.writeString(build.resolve("pom.xml"), """
        <project xmlns="http://maven.apache.org/POM/4.0.0">
          <modelVersion>4.0.0</modelVersion>
          <groupId>dev.lanes.it</groupId>
          <artifactId>two-modules</artifactId>
          <version>1</version>
          <packaging>pom</packaging>
          <modules>
            <module>one</module>
            <module>two</module>
          </modules>
        </project>
        """);

    Mvn parallel = mvn(build, "-T", "2", "test");

    assertThat(parallel.exitCode()).as(parallel.out()).isZero();
    assertThat(count(parallel.out(), "Tests  22 passed (22)")).as(parallel.out()).isEqualTo(2);
    int cores = Runtime.getRuntime().availableProcessors();
    assertThat(count(parallel.out(), "[INFO] maxWorkers " + Math.max(1, cores / 2) + ": this machine's " + cores
        + " cores shared among the build's 2 threads")).as(parallel.out()).isEqualTo(2);
    assertThat(build.resolve("one/target/surefire-reports")).isDirectoryContaining("glob:**/TEST-*.xml");
    assertThat(build.resolve("two/target/surefire-reports")).isDirectoryContaining("glob:**/TEST-*.xml");

    Path twoConf = build.resolve("two/lanes.conf");
    Files.writeString(twoConf, Files.readString(twoConf) + "maxWorkers = 1\n");
    Mvn chosen = mvn(build, "-T", "2", "test");
    assertThat(chosen.exitCode()).as(chosen.out()).isZero();
    assertThat(count(chosen.out(), "[INFO] maxWorkers ")).as("lanes.conf of two sets its own").isEqualTo(1);
  }

  private static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  @Test
  void aPoolByJarPathAndAPoolDeclaredAsAPluginDependencyBothRun() throws Exception {
    Path jar = REPO.resolve("examples/collect-only-pool/target/collect-only-pool-" + System.getProperty("lanes.version")
        + ".jar");
    assertThat(jar).exists();

    Mvn byPath = mvn(sample, "test", "-Dlanes.pool=" + jar);

    assertThat(byPath.exitCode()).as(byPath.out()).isZero();
    assertThat(byPath.out()).contains("pools [" + jar.getFileName() + "]").contains("Test Files  5 skipped (5)");

    Path pom = sample.resolve("pom.xml");
    String original = Files.readString(pom);
    try {
      Files.writeString(pom, original.replace("<goals><goal>test</goal></goals>", """
          <goals><goal>test</goal></goals><configuration><pool>collect-only</pool></configuration>""")
          .replace("</executions>\n      </plugin>\n      <plugin>\n        <!-- Lanes replaces", """
              </executions>
                      <dependencies>
                        <dependency>
                          <groupId>dev.lanes.examples</groupId>
                          <artifactId>collect-only-pool</artifactId>
                          <version>%s</version>
                        </dependency>
                      </dependencies>
                    </plugin>
                    <plugin>
                      <!-- Lanes replaces""".formatted(System.getProperty("lanes.version"))));
      assertThat(Files.readString(pom)).contains("<artifactId>collect-only-pool</artifactId>");
      Mvn declared = mvn(sample, "test");
      assertThat(declared.exitCode()).as(declared.out()).isZero();
      assertThat(declared.out()).contains("pools [collect-only]").contains("Test Files  5 skipped (5)");
    } finally {
      Files.writeString(pom, original);
    }
  }

  @Test
  void listPrintsTheTestsAndRunsNone() throws Exception {
    Path marker = sample.resolve("target/lanes-probe/RunMarkerTest.ran");
    Files.deleteIfExists(marker);

    Mvn list = mvn(sample, "test-compile", "lanes:list");

    assertThat(list.exitCode()).as(list.out()).isZero();
    assertThat(list.out().lines().filter(line -> line.contains("[engine:junit-jupiter]"))).hasSize(16);
    assertThat(marker).doesNotExist();
  }

  private static Map<String, List<Integer>> counts(Path folder) throws IOException {
    Map<String, List<Integer>> counts = new TreeMap<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
        Matcher m = SUITE.matcher(Files.readString(file));
        assertThat(m.find()).as(file.toString()).isTrue();
        String suite = m.group();
        counts.put(attribute(suite, "name"), List.of(Integer.parseInt(attribute(suite, "tests")),
            Integer.parseInt(attribute(suite, "failures")), Integer.parseInt(attribute(suite, "errors")),
            Integer.parseInt(attribute(suite, "skipped"))));
      }
    }
    return counts;
  }

  private static String attribute(String tag, String name) {
    Matcher m = Pattern.compile("\\s" + name + "=\"([^\"]*)\"").matcher(tag);
    assertThat(m.find()).as(name + " in " + tag).isTrue();
    return m.group(1);
  }

  /** Surefire's files of nested classes ({@code Outer$Inner}) added to their outer class, as Lanes reports them. */
  private static Map<String, List<Integer>> byOuterClass(Map<String, List<Integer>> counts) {
    Map<String, List<Integer>> merged = new TreeMap<>();
    counts.forEach((name, c) -> merged.merge(name.replaceFirst("\\$.*", ""), c, (a, b) -> List.of(a.get(0) + b.get(0),
        a.get(1) + b.get(1), a.get(2) + b.get(2), a.get(3) + b.get(3))));
    return merged;
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : walk.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
  }

  /** {@code mvn -o -B <args>} in {@code folder}, as a user runs it; CI=true keeps Lanes' output plain. */
  static Mvn mvn(Path folder, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("mvn", "-o", "-B"));
    command.addAll(List.of(args));
    Path log = work == null ? Files.createTempFile("mvn", ".txt") : Files.createTempFile(work, "mvn", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile());
    builder.environment().put("CI", "true");
    Process process = builder.start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("mvn " + String.join(" ", args) + " did not finish in 5 minutes:\n"
          + Files.readString(log));
    }
    return new Mvn(process.exitValue(), Files.readString(log));
  }
}
