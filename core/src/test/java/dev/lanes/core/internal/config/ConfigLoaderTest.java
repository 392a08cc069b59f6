package dev.lanes.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lanes.core.ConfigOverride;
import dev.lanes.core.ConfigurationException;
import dev.lanes.core.LanesConfig;
import dev.lanes.core.ProjectConfig;
import dev.lanes.spi.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
  @TempDir
  Path root;

  private LanesConfig load(String conf, List<ConfigOverride> overrides, Map<String, String> properties) throws IOException {
    Files.writeString(root.resolve("lanes.conf"), conf);
    LanesConfig config = ConfigLoader.load(root, Optional.empty(), overrides, properties, getClass().getClassLoader());
    if (!config.problems().isEmpty()) {
      throw new ConfigurationException(config.problems());
    }
    return config;
  }

  @Test
  void defaultsApplyWithoutAFile() {
    LanesConfig config = ConfigLoader.load(root, Optional.empty(), List.of(), Map.of(), getClass().getClassLoader());

    ProjectConfig project = config.projects().get(0);
    assertThat(project.pool()).isEqualTo("vmForks");
    assertThat(project.isolate()).isTrue();
    assertThat(project.include()).contains("**/*Test.class");
    assertThat(project.testClassDirs()).containsExactly(root.resolve("target/test-classes"));
    assertThat(config.reporters()).containsExactly("default");
  }

  @Test
  void aProjectWhosePoolTakesSourcesTakesThemBelowItsSourceFoldersByThePoolsGlobsOrTheUsers() throws IOException {
    LanesConfig config = load("""
        projects = [
          { name = unit, extends = true }
          { name = types, extends = true, pool = typecheck, testSourceDirs = ["src/typetest/java"],
            typecheck.exclude = ["**/Draft*"] }
        ]
        """, List.of(), Map.of());
    TestFiles typeTests = TestFiles.sources(List.of("**/*TypeTest.java"), List.of("**/Old*"));

    ProjectConfig unit = config.projects().get(0);
    ProjectConfig types = config.projects().get(1).withFiles("typecheck", typeTests);
    assertThat(unit.takesSources()).isFalse();
    assertThat(unit.withFiles("threads", TestFiles.classes()).takesSources()).isFalse();
    assertThat(unit.testSourceDirs()).containsExactly(root.resolve("src/test/java"), root.resolve("src/test/js"));
    assertThat(types.takesSources()).isTrue();
    assertThat(types.sources().dirs()).containsExactly(root.resolve("src/typetest/java"));
    assertThat(types.sources().include()).containsExactly("**/*TypeTest.java"); // the pool's
    assertThat(types.sources().exclude()).containsExactly("**/Draft*"); // the user's
    assertThat(types.sources().needsClasspath()).isTrue();
  }

  @Test
  void anyPoolsGlobsAreTakenByItsNameAndAPoolWithoutClassPathSaysSo() throws IOException {
    LanesConfig config = load("""
        projects = [
          { name = scripts, extends = true, pool = "./pools/tap.jar", testSourceDirs = ["src/test/scripts"],
            tap { "include" = ["**/*.t"], exclude = ["**/wip/**"] } }
        ]
        """, List.of(), Map.of());

    ProjectConfig scripts = config.projects().get(0)
        .withFiles("tap", TestFiles.sources(List.of("**/*.tap"), List.of()).withoutClasspath());
    assertThat(scripts.poolGlobs()).containsOnlyKeys("tap");
    assertThat(scripts.sources().include()).containsExactly("**/*.t");
    assertThat(scripts.sources().exclude()).containsExactly("**/wip/**");
    assertThat(scripts.sources().pool()).isEqualTo("tap");
    assertThat(scripts.sources().needsClasspath()).isFalse();
  }

  @Test
  void everyUnknownKeyIsReportedWithFileLineAndTheValidKeys() {
    assertThatThrownBy(() -> load("pool = threads\npol = forks\nisolate = true\nmaxWorker = 2\n", List.of(), Map.of()))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> {
          assertThat(e.problems()).hasSize(2);
          assertThat(e.problems().get(0)).startsWith("lanes.conf:2: unknown key 'pol'; valid keys: ")
              .contains("maxWorkers").contains("poolOptions");
          assertThat(e.problems().get(1)).startsWith("lanes.conf:4: unknown key 'maxWorker'");
          assertThat(e.getMessage()).startsWith("1) lanes.conf:2").endsWith("2 errors");
        });
  }

  @Test
  void illTypedValuesNameTheirLine() {
    assertThatThrownBy(() -> load("isolate = maybe\ntestTimeout = soon\n", List.of(), Map.of()))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems())
            .anySatisfy(p -> assertThat(p).startsWith("lanes.conf:1:").contains("isolate"))
            .anySatisfy(p -> assertThat(p).startsWith("lanes.conf:2:").contains("testTimeout")));
  }

  @Test
  void maxWorkersTakesPercentagesClampedToTheProcessors() throws IOException {
    int cpus = Runtime.getRuntime().availableProcessors();

    assertThat(load("maxWorkers = \"50%\"", List.of(), Map.of()).projects().get(0).maxWorkers())
        .isEqualTo(Math.max(1, Math.round(cpus / 2f)));
    assertThat(load("maxWorkers = \"400%\"", List.of(), Map.of()).projects().get(0).maxWorkers()).isEqualTo(cpus);
    assertThat(load("maxWorkers = 8\nfileParallelism = false", List.of(), Map.of()).projects().get(0).maxWorkers()).isEqualTo(1);
    assertThatThrownBy(() -> load("maxWorkers = \"lots\"", List.of(), Map.of()))
        .hasMessageContaining("lanes.conf:1").hasMessageContaining("'lots' is not a number of workers");
  }

  @Test
  void vmMemoryLimitReadsVitestsSizesAndDefaultsToAShareOfTheMemoryPerWorker() throws IOException {
    long memory = MemoryLimit.memory();

    assertThat(limit("vmMemoryLimit = 512MiB")).isEqualTo(512L * 1024 * 1024);
    assertThat(limit("vmMemoryLimit = 2GB")).isEqualTo(2_000_000_000L);
    assertThat(limit("vmMemoryLimit = 300k")).isEqualTo(300_000L);
    assertThat(limit("vmMemoryLimit = 104857600")).isEqualTo(104_857_600L);
    assertThat(limit("vmMemoryLimit = \"25%\"")).isEqualTo((long) Math.floor(0.25 * memory));
    assertThat(limit("vmMemoryLimit = 0.5")).isEqualTo((long) Math.floor(0.5 * memory));
    assertThat(limit("maxWorkers = 4")).isEqualTo(memory / 4);
    assertThat(limit("maxWorkers = 4\nfileParallelism = false")).isEqualTo(memory);
  }

  @Test
  void aVmMemoryLimitThatIsNoSizeNamesItsLineAndWhatWouldDo() {
    for (String bad : List.of("lots", "0", "-1", "12 parsecs", "\"150%\"")) {
      assertThatThrownBy(() -> limit("\nvmMemoryLimit = " + bad))
          .as(bad)
          .hasMessageContaining("lanes.conf:2")
          .hasMessageContaining("is not a memory limit; use a number of bytes")
          .hasMessageContaining("\"512MiB\"");
    }
  }

  private long limit(String conf) throws IOException {
    return load(conf, List.of(), Map.of()).projects().get(0).vmMemoryLimit();
  }

  @Test
  void commandLineBeatsSystemPropertiesWhichBeatTheFile() throws IOException {
    LanesConfig fromProperty = load("pool = a\nisolate = true", List.of(), Map.of("lanes.pool", "b"));
    LanesConfig fromOption = load("pool = a", List.of(new ConfigOverride("pool", "c", "--pool")), Map.of("lanes.pool", "b"));

    assertThat(fromProperty.projects().get(0).pool()).isEqualTo("b");
    assertThat(fromProperty.projects().get(0).poolOrigin()).isEqualTo("system property -Dlanes.pool");
    assertThat(fromOption.projects().get(0).pool()).isEqualTo("c");
    assertThat(fromOption.projects().get(0).poolOrigin()).isEqualTo("command-line option --pool");
  }

  @Test
  void projectsThatExtendInheritTheRootSettingsAndOthersDoNot() throws IOException {
    LanesConfig config = load("""
        pool = custom
        classpath = ["lib/a.jar"]
        projects = [
          { name = unit, extends = true, "include" = ["**/*UnitTest.class"] }
          { name = slow, root = "modules/slow", isolate = false }
        ]
        """, List.of(), Map.of());

    ProjectConfig unit = config.projects().get(0);
    ProjectConfig slow = config.projects().get(1);
    assertThat(unit.pool()).isEqualTo("custom");
    assertThat(unit.classpath()).containsExactly(root.resolve("lib/a.jar"));
    assertThat(unit.include()).containsExactly("**/*UnitTest.class");
    assertThat(slow.pool()).isEqualTo("vmForks");
    assertThat(slow.isolate()).isFalse();
    assertThat(slow.root()).isEqualTo(root.resolve("modules/slow"));
    assertThat(slow.testClassDirs()).containsExactly(root.resolve("modules/slow/target/test-classes"));
  }

  @Test
  void projectsNeedUniqueNamesAndOnlyProjectKeys() {
    assertThatThrownBy(() -> load("projects = [ { name = a }, { name = a, reporters = [json] }, { pool = x } ]", List.of(), Map.of()))
        .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems())
            .anySatisfy(p -> assertThat(p).contains("unknown key 'projects[1].reporters'"))
            .anySatisfy(p -> assertThat(p).contains("project name 'a' is used twice"))
            .anySatisfy(p -> assertThat(p).contains("projects[2] has no name")));
  }

  @Test
  void classPathFilesAreReadRelativeToTheProject() throws IOException {
    Files.writeString(root.resolve("cp.txt"), "lib/x.jar" + java.io.File.pathSeparator + "lib/y.jar\n");

    LanesConfig config = load("classpath = [\"target/test-classes\", \"@cp.txt\"]\ntestTimeout = 2s", List.of(), Map.of());

    assertThat(config.projects().get(0).classpath())
        .containsExactly(root.resolve("target/test-classes"), root.resolve("lib/x.jar"), root.resolve("lib/y.jar"));
    assertThat(config.projects().get(0).testTimeout()).isEqualTo(Duration.ofSeconds(2));
    assertThatThrownBy(() -> load("classpath = [\"@missing.txt\"]", List.of(), Map.of()))
        .hasMessageContaining("lanes.conf:1").hasMessageContaining("class path file 'missing.txt' cannot be read");
  }

  @Test
  void anUnquotedIncludeKeyGetsAHint() {
    assertThatThrownBy(() -> load("include = [\"**/*Spec.class\"]", List.of(), Map.of()))
        .hasMessageContaining("write the key in quotes, \"include\" = [...]");
  }

  @Test
  void poolMatchGlobsPickAPoolPerClassFileAndBadEntriesAreNamed() throws IOException {
    ProjectConfig project = load("poolMatchGlobs = [[\"**/*IT.class\", forks], [\"**/web/**\", browser]]", List.of(), Map.of())
        .projects().get(0);

    assertThat(dev.lanes.core.internal.discovery.TestClassScanner.poolFor(project, "com/acme/StoreIT.class"))
        .get().extracting(ProjectConfig.PoolMatch::pool).isEqualTo("forks");
    assertThat(dev.lanes.core.internal.discovery.TestClassScanner.poolFor(project, "com/acme/web/PageTest.class"))
        .get().extracting(ProjectConfig.PoolMatch::pool).isEqualTo("browser");
    assertThat(dev.lanes.core.internal.discovery.TestClassScanner.poolFor(project, "com/acme/StoreTest.class")).isEmpty();
    assertThatThrownBy(() -> load("poolMatchGlobs = [\"**/*IT.class\"]", List.of(), Map.of()))
        .hasMessageContaining("lanes.conf:1").hasMessageContaining("each entry must be a [glob, pool] pair");
  }

  @Test
  void theTestsJvmSettingsAndTagsAreReadWithDottedNamesQuotedOrNot() throws IOException {
    LanesConfig config = load("""
        tags = ["fast & !slow", "none()"]
        jvmArgs = ["-ea", "--add-opens", "java.base/java.lang=ALL-UNNAMED"]
        systemProperties { "db.url" = "jdbc:h2:mem:", db.pool.size = 4, verbose = true }
        env { LANG = C }
        workingDirectory = "build/run"
        configurationParameters { "junit.jupiter.execution.parallel.enabled" = true }
        """, List.of(), Map.of());

    ProjectConfig project = config.projects().get(0);
    assertThat(project.tags()).containsExactly("fast & !slow", "none()");
    assertThat(project.environment().jvmArgs()).containsExactly("-ea", "--add-opens", "java.base/java.lang=ALL-UNNAMED");
    assertThat(project.environment().enablesAssertions()).isTrue();
    assertThat(project.environment().systemProperties())
        .containsExactlyInAnyOrderEntriesOf(Map.of("db.url", "jdbc:h2:mem:", "db.pool.size", "4", "verbose", "true"));
    assertThat(project.environment().environment()).containsExactlyEntriesOf(Map.of("LANG", "C"));
    assertThat(project.environment().workingDirectory()).contains(root.resolve("build/run"));
    assertThat(project.environment().useModulePath()).isTrue();
    assertThat(project.configurationParameters())
        .containsExactlyEntriesOf(Map.of("junit.jupiter.execution.parallel.enabled", "true"));
  }

  @Test
  void aMalformedTagExpressionIsAnErrorNamingWhereItWasWritten() {
    assertThatThrownBy(() -> load("tags = \"fast &\"\n", List.of(), Map.of()))
        .hasMessageContaining("lanes.conf:1")
        .hasMessageContaining("'fast &' is not a tag expression: nothing follows '&'");
    assertThatThrownBy(() -> load("tags = \"(fast | slow\"\n", List.of(), Map.of()))
        .hasMessageContaining("a '(' is not closed");
    assertThatThrownBy(() -> load("tags = \"fast slow\"\n", List.of(), Map.of()))
        .hasMessageContaining("unexpected 'slow'");
  }

  @Test
  void settingsCarriedOverByABuildToolLieUnderTheFileWhichOverridesThem() throws IOException {
    Files.writeString(root.resolve("lanes.conf"), "retry = 1\nsystemProperties { own = yes }\n");
    List<ConfigOverride> beneath = List.of(new ConfigOverride("retry", 3, "Surefire's rerunFailingTestsCount"),
        new ConfigOverride("bail", 2, "Surefire's skipAfterFailureCount"),
        new ConfigOverride("systemProperties", Map.of("carried", "over"), "Surefire's systemPropertyVariables"));

    LanesConfig config = ConfigLoader.load(root, Optional.empty(), beneath, List.of(), Map.of(),
        getClass().getClassLoader());

    assertThat(config.problems()).isEmpty();
    assertThat(config.projects().get(0).retry()).as("the file wins").isEqualTo(1);
    assertThat(config.settings().bail()).as("what the file does not set is carried over").isEqualTo(2);
    assertThat(config.projects().get(0).environment().systemProperties())
        .containsExactlyInAnyOrderEntriesOf(Map.of("own", "yes", "carried", "over"));
  }
}
