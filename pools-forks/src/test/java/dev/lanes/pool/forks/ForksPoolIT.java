package dev.lanes.pool.forks;

import static dev.lanes.testkit.FileConditions.failed;
import static dev.lanes.testkit.FileConditions.passed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.lanes.spi.TestModule;
import dev.lanes.spi.protocol.UserConsoleLog;
import dev.lanes.testkit.PoolRun;
import dev.lanes.testkit.PoolTestKit;
import dev.lanes.testkit.TestClasspath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forks pool through the real core, with real child JVMs. */
class ForksPoolIT {
  private static final Path FIXTURES = TestClasspath.of(ForksPoolIT.class);

  @TempDir
  Path root;

  private PoolTestKit forks(String pool, String include) throws Exception {
    Files.writeString(root.resolve("lanes.conf"), "# a project of fixtures\n");
    return PoolTestKit.pool(pool).configFrom(root).classpath(TestClasspath.withJupiter(FIXTURES))
        .testClassDirs(FIXTURES).include(include);
  }

  @Test
  void typedOptionsReachTheWorkerJvm() throws Exception {
    PoolRun run = environmentFixture().run();

    assertThat(run.files()).singleElement().is(passed());
    assertThat(printed(run, "EnvironmentFixture")).contains("-XX:TieredStopAtLevel=1",
        "-Xmx256m", "-Dfixture.flag=on");
  }

  @Test
  void aBadOptionIsAConfigurationErrorNamingTheKey() throws Exception {
    assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> forks("forks", "**/EnvironmentFixture.class")
        .option("poolOptions.forks.maxHeap", "lots").run()))
        .hasMessageContaining("poolOptions.forks.maxHeap")
        .hasMessageContaining("maxHeap must be a size such as \"512m\"");
  }

  @Test
  void theClassPathGetsAClassDataArchiveFromATrainingJvmAndLaterWorkersMapIt() throws Exception {
    // workers run on this JDK: before 25 a dynamic CDS archive, from 25 on an AOT cache
    boolean aot = Runtime.version().feature() >= 25;
    PoolRun first = environmentFixture().run();
    assertThat(first.files()).are(passed());
    assertThat(printed(first, "EnvironmentFixture")).as("no worker writes or maps an archive on the first run")
        .doesNotContain("-XX:AOTCacheOutput=", "-XX:ArchiveClassesAtExit=", "-XX:AOTCache=", "-XX:SharedArchiveFile=");
    Path archives = root.resolve("target/lanes-cds");
    try (Stream<Path> made = Files.list(archives)) {
      assertThat(made.map(p -> p.getFileName().toString())).as("what the training JVM left, once the pool closed")
          .singleElement().asString().endsWith(aot ? ".aot" : ".jsa");
    }

    PoolRun second = environmentFixture().run();

    assertThat(second.files()).are(passed());
    assertThat(printed(second, "EnvironmentFixture")).contains(aot ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=");
  }

  @Test
  void aTestInThePackageOfALibraryJarReachesItsPackagePrivateMembersWithAClassDataArchive() throws Exception {
    Path folder = root.resolve("classes");
    PoolRun run = PoolTestKit.pool("forks").configFrom(root).classpath(TestClasspath.packageSplitAcrossAJar(folder))
        .testClassDirs(folder).include("**/LibraryTest.class").run();

    assertThat(run.files()).singleElement().is(passed());
  }

  /**
   * The JVM's class path as under Surefire: the system class loader finds the test resources, and a library on the
   * class path that deserializes the project's classes with its own loader finds them.
   */
  @Test
  void theSystemClassLoaderSeesTheTestResourcesAndALibraryTheProjectsClassesWithAndWithoutAClassDataArchive()
      throws Exception {
    Path folder = root.resolve("classes");
    List<Path> classpath = new java.util.ArrayList<>(TestClasspath.packageSplitAcrossAJar(folder));
    classpath.addAll(1, TestClasspath.serializingLibrary(folder).stream().filter(p -> p.toString().endsWith(
        "roundtrip.jar")).toList());
    for (boolean isolate : List.of(true, false)) {
      for (int run = 1; run <= 2; run++) { // the first trains an archive, the second maps it
        PoolRun done = PoolTestKit.pool("forks").configFrom(root).classpath(classpath).testClassDirs(folder)
            .include("**/split/*Test.class", "**/app/*Test.class").option("isolate", isolate).run();
        assertThat(done.files()).as("isolate = " + isolate + ", run " + run).extracting(TestModule::moduleId)
            .containsExactlyInAnyOrder("split.LibraryTest", "split.SystemLoaderTest", "app.RoundtripTest",
                "app.RoundtripAgainTest");
        assertThat(done.files()).as("isolate = " + isolate + ", run " + run).are(passed());
      }
    }
    try (Stream<Path> made = Files.list(root.resolve("target/lanes-cds"))) {
      assertThat(made.filter(p -> p.toString().matches(".*\\.(jsa|aot)"))).as("the archive the second runs mapped")
          .isNotEmpty();
    }
  }

  @Test
  void coverageInstrumentsTheProjectsClassesWithoutAnAgentAndTheWorkerWritesWhatRan() throws Exception {
    PoolRun run = environmentFixture().option("coverage.enabled", true).run();

    assertThat(run.files()).singleElement().is(passed());
    assertThat(printed(run, "EnvironmentFixture")).as("JaCoCo's runtime on the class path, not its agent")
        .contains("-Djacoco-agent.destfile=").doesNotContain("-javaagent");
    org.jacoco.core.tools.ExecFileLoader data = new org.jacoco.core.tools.ExecFileLoader();
    data.load(root.resolve("target/lanes-coverage/jacoco.exec").toFile());
    assertThat(data.getExecutionDataStore().getContents()).as("what the worker measured")
        .anySatisfy(measured -> {
          assertThat(measured.getName()).isEqualTo("dev/lanes/pool/forks/fixtures/EnvironmentFixture");
          assertThat(measured.hasHits()).isTrue();
        });
  }

  @Test
  void bytesWrittenToFileDescriptor1AreTheFilesOutputNotMessages() throws Exception {
    PoolRun run = forks("forks", "**/RawOutputFixture.class").run();

    TestModule file = run.file("dev.lanes.pool.forks.fixtures.RawOutputFixture");
    assertThat(file).is(passed());
    assertThat(file.logs().stream().map(UserConsoleLog::content).collect(Collectors.joining()))
        .contains("raw-hello {\"type\":\"not a message\"}");
    assertThat(run.unhandledErrors()).isEmpty();
    assertThat(run.orderViolations()).isEmpty();
  }

  @Test
  void aThirdPartyOverridesTheLaunchBindingAndKeepsTheRestOfThePool() throws Exception {
    PoolRun run = forks("prefixed-forks", "**/LauncherFixture.class").run();

    assertThat(run.files()).singleElement().is(passed());
    PoolRun plain = forks("forks", "**/LauncherFixture.class").run();
    assertThat(plain.files()).singleElement().is(failed());
  }

  @Test
  void workersRunOnTheJdkOfJavaHome() throws Exception {
    Optional<Path> jdk25 = jdk(25);
    assumeThat(jdk25).as("a JDK 25 beside the one running the build").isPresent();

    PoolRun first = onJdk(jdk25.get()).run();
    PoolRun second = onJdk(jdk25.get()).run();

    assertThat(first.files()).singleElement().is(passed());
    assertThat(printed(first, "EnvironmentFixture")).contains("java-feature: 25");
    assertThat(second.files()).singleElement().is(passed());
    assertThat(printed(second, "EnvironmentFixture")).as("JDK 25 gets an AOT cache, not a CDS archive")
        .contains("-XX:AOTCache=");
  }

  private PoolTestKit onJdk(Path javaHome) throws Exception {
    return environmentFixture().option("poolOptions.forks.javaHome", javaHome.toString());
  }

  /** The fixture that checks the options it was given, with those options. */
  private PoolTestKit environmentFixture() throws Exception {
    return forks("forks", "**/EnvironmentFixture.class")
        .option("poolOptions.forks.env", Map.of("LANES_FIXTURE_ENV", "from-options"))
        .option("poolOptions.forks.execArgv", List.of("-Dfixture.flag=on"))
        .option("poolOptions.forks.maxHeap", "256m");
  }

  private static String printed(PoolRun run, String fixture) {
    return run.file("dev.lanes.pool.forks.fixtures." + fixture).tests().stream()
        .flatMap(test -> test.logs().stream()).map(UserConsoleLog::content).collect(Collectors.joining());
  }

  private static Optional<Path> jdk(int feature) throws Exception {
    Path jvms = Path.of("/usr/lib/jvm");
    if (!Files.isDirectory(jvms)) {
      return Optional.empty();
    }
    try (Stream<Path> homes = Files.list(jvms)) {
      return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
          .filter(home -> releaseOf(home).startsWith("JAVA_VERSION=\"" + feature)).findFirst();
    }
  }

  private static String releaseOf(Path home) {
    try (Stream<String> lines = Files.lines(home.resolve("release"))) {
      return lines.filter(line -> line.startsWith("JAVA_VERSION=")).findFirst().orElse("");
    } catch (Exception e) {
      return "";
    }
  }
}
