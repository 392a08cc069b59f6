package dev.lanes.testkit;

import dev.lanes.core.ConfigOverride;
import dev.lanes.core.Lanes;
import dev.lanes.core.RunOptions;
import dev.lanes.core.LanesConfig;
import dev.lanes.spi.PoolConfigurationException;
import dev.lanes.spi.PoolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs a pool through the real core on given test classes, as JUnit's {@code EngineTestKit} runs an
 * engine. Hermetic: no {@code lanes.conf} and no {@code -Dlanes.*} property is read unless
 * {@link #configFrom(Path)} asks for one.
 *
 * <pre>{@code
 * PoolRun run = PoolTestKit.pool("threads")
 *     .option("maxWorkers", 2)
 *     .classpath(testClasses, junitJars)
 *     .testClassDirs(testClasses)
 *     .run();
 * assertThat(run.files()).haveExactly(1, FileConditions.failed());
 * }</pre>
 */
public final class PoolTestKit {
  private final String pool;
  private final List<ConfigOverride> overrides = new ArrayList<>();
  private final List<String> filters = new ArrayList<>();
  private Optional<Path> configRoot = Optional.empty();

  private final List<PoolProvider> providers = new ArrayList<>();

  private PoolTestKit(String pool) {
    this.pool = pool;
  }

  /** A pool given as an instance, e.g. one under test that is not installed: found by its name in this run only. */
  public static PoolTestKit provider(PoolProvider provider) {
    PoolTestKit kit = new PoolTestKit(provider.name());
    kit.providers.add(provider);
    return kit;
  }

  /** A pool by its name ({@code threads}). */
  public static PoolTestKit pool(String name) {
    return new PoolTestKit(name);
  }

  /** A pool from a jar, by path ({@code Path.of("build/my-pool.jar")}); {@code #name} selects one of several. */
  public static PoolTestKit poolJar(Path jar, String name) {
    return new PoolTestKit(jar.toAbsolutePath() + (name.isEmpty() ? "" : "#" + name));
  }

  /** Any configuration key: {@code option("isolate", false)}, {@code option("poolOptions.threads.threadStackSize", 0)}. */
  public PoolTestKit option(String key, Object value) {
    overrides.add(new ConfigOverride(key, value, "PoolTestKit.option(\"" + key + "\")"));
    return this;
  }

  public PoolTestKit classpath(Path... entries) {
    return option("classpath", paths(entries));
  }

  /** The test class path from a list, e.g. the JUnit jars of the test's own class path. */
  public PoolTestKit classpath(List<Path> entries) {
    return option("classpath", entries.stream().map(p -> p.toAbsolutePath().toString()).toList());
  }

  public PoolTestKit testClassDirs(Path... dirs) {
    return option("testClassDirs", paths(dirs));
  }

  public PoolTestKit include(String... globs) {
    return option("include", List.of(globs));
  }

  /** Runs only test classes whose name contains one of these. */
  public PoolTestKit filter(String... names) {
    filters.addAll(List.of(names));
    return this;
  }

  /** Reads {@code lanes.conf} from {@code root}, as a user's run would. */
  public PoolTestKit configFrom(Path root) {
    configRoot = Optional.of(root);
    return this;
  }

  /**
   * Runs the files in the pool. A configuration error — what {@code lanes run} reports with exit code 2: an unknown
   * key, a bad value, a pool that cannot be loaded — is thrown as a {@link PoolConfigurationException} with every
   * problem, before anything runs.
   */
  public PoolRun run() {
    return execute(false);
  }

  /** Collects the tests without running any, as {@code lanes list} does. */
  public PoolRun collect() {
    return execute(true);
  }

  private PoolRun execute(boolean collectOnly) {
    List<ConfigOverride> all = new ArrayList<>(overrides);
    all.add(new ConfigOverride("pool", pool, "PoolTestKit.pool"));
    all.add(new ConfigOverride("reporters", List.of("verbose"), "PoolTestKit"));
    Path root = configRoot.orElseGet(PoolTestKit::emptyRoot);
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    RecordingReporter recorder = new RecordingReporter();
    Lanes.RunResult result;
    try (PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8)) {
      LanesConfig config = Lanes.loadConfig(root, Optional.empty(), all, Map.of());
      result = Lanes.run(config, RunOptions.builder(out).filters(filters).collectOnly(collectOnly)
          .extraReporters(collectOnly ? List.of() : List.of(recorder)).extraPools(providers).build());
    } catch (dev.lanes.core.ConfigurationException e) {
      // what lanes run reports with exit code 2, as the SPI's type: a pool's test needs nothing of core's
      throw new PoolConfigurationException(e.problems());
    } finally {
      if (configRoot.isEmpty()) {
        deleteQuietly(root); // the kit's own root, and what pools kept in it (a forks pool's class-data archive)
      }
    }
    return new PoolRun(result, recorder, console.toString(StandardCharsets.UTF_8));
  }

  private static void deleteQuietly(Path root) {
    try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      // a file still in use: the temporary folder keeps it
    }
  }

  private static List<String> paths(Path... entries) {
    return java.util.Arrays.stream(entries).map(p -> p.toAbsolutePath().toString()).toList();
  }

  private static Path emptyRoot() {
    try {
      return Files.createTempDirectory("lanes-testkit");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
