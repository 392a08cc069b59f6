package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A third-party pool as a jar built at test time, selected by its path: core finds its provider
 * with ServiceLoader in a class loader of its own, and its typed options arrive through Guice.
 */
class JarPoolIT {
  @TempDir
  Path dir;

  private static final String SOURCE = """
      package acme.pools;

      import com.google.inject.Module;
      import com.google.inject.Provides;
      import dev.lanes.spi.*;
      import dev.lanes.spi.protocol.*;
      import java.util.*;
      import java.util.concurrent.*;

      public final class GreetingPoolProvider implements PoolProvider {
        public record GreetingOptions(String greeting, int repeat) {}

        public String name() { return "greeting"; }

        public Module module() {
          return new PoolModule() {
            @Override protected void configure() { options(GreetingOptions.class); }

            @Provides ProcessPool pool(PoolContext context, GreetingOptions options) {
              return new ProcessPool() {
                public String name() { return "greeting"; }
                public CompletionStage<Void> collectTests(List<TestSpecification> specs, List<String> invalidates) {
                  return runTests(specs, invalidates);
                }
                public CompletionStage<Void> runTests(List<TestSpecification> specs, List<String> invalidates) {
                  for (TestSpecification spec : specs) {
                    RuntimeRpc rpc = context.createMethodsRPC(spec.project(), false);
                    String testId = Ids.childId(spec.fileId(), 0);
                    Task test = new Task(testId, options.greeting().repeat(options.repeat()), TaskType.TEST, TaskMode.RUN,
                        Optional.empty(), Optional.empty(), List.of());
                    Task file = new Task(spec.fileId(), spec.moduleId(), TaskType.FILE, TaskMode.RUN, Optional.empty(),
                        Optional.empty(), List.of(test));
                    rpc.onQueued(file);
                    rpc.onCollected(List.of(file));
                    rpc.onTaskUpdate(List.of(new TaskResultPack(testId, TaskResult.passed(0))),
                        List.of(new TaskEventPack(spec.fileId(), TaskEvent.SUITE_PREPARE),
                            new TaskEventPack(testId, TaskEvent.TEST_PREPARE),
                            new TaskEventPack(testId, TaskEvent.TEST_FINISHED),
                            new TaskEventPack(spec.fileId(), TaskEvent.SUITE_FINISHED)));
                  }
                  return CompletableFuture.completedFuture(null);
                }
              };
            }
          };
        }
      }
      """;

  private Path buildPoolJar() throws IOException {
    return buildPoolJar("GreetingPoolProvider", SOURCE);
  }

  /** A jar of the provider {@code acme.pools.<provider>} compiled from {@code source}, registered for ServiceLoader. */
  private Path buildPoolJar(String provider, String source) throws IOException {
    Path src = dir.resolve("src/acme/pools/" + provider + ".java");
    Files.createDirectories(src.getParent());
    Files.writeString(src, source);
    Path classes = Files.createDirectories(dir.resolve("classes"));
    String classpath;
    try (Stream<Path> jars = Files.list(LanesCli.DISTRIBUTION)) {
      classpath = String.join(java.io.File.pathSeparator, jars.map(Path::toString).toList());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", classpath, src.toString());
    assertThat(status).as("the pool compiles against the SPI").isZero();
    Path jar = dir.resolve(provider.equals("GreetingPoolProvider") ? "greeting-pool.jar" : "broken-pool.jar");
    try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
      zip.putNextEntry(new JarEntry("META-INF/services/dev.lanes.spi.PoolProvider"));
      zip.write(("acme.pools." + provider + "\n").getBytes());
      try (Stream<Path> files = Files.walk(classes)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
          zip.write(Files.readAllBytes(file));
        }
      }
    }
    return jar;
  }

  @Test
  void aPoolLoadedByJarPathGetsItsTypedOptionsThroughGuice() throws Exception {
    buildPoolJar();
    Files.writeString(dir.resolve("lanes.conf"), """
        pool = "./greeting-pool.jar"
        poolOptions.greeting { greeting = "hi ", repeat = 2 }
        reporters = [verbose]
        """ + LanesCli.sampleClasspathConf());

    LanesCli.Result result = LanesCli.run(dir, "run");

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out()).contains("✓ hi hi ").contains("Test Files  5 passed (5)").contains("Tests  5 passed (5)");
  }

  @Test
  void aJarPoolsOptionsAreCheckedLikeAnyPools() throws Exception {
    buildPoolJar();
    Files.writeString(dir.resolve("lanes.conf"), """
        pool = "./greeting-pool.jar#greeting"
        poolOptions.greeting { greting = "typo" }
        """ + LanesCli.sampleClasspathConf());

    LanesCli.Result result = LanesCli.run(dir, "run");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
    assertThat(result.err()).contains("lanes.conf:2: poolOptions.greeting has no key 'greting'; valid keys: greeting, repeat.");
    assertThat(result.out()).doesNotContain("Test Files");
  }

  @Test
  void aProviderWhoseNameOrConstructorThrowsIsAConfigurationErrorWithItsMessage() throws Exception {
    buildPoolJar("BrokenPoolProvider", """
        package acme.pools;

        public final class BrokenPoolProvider implements dev.lanes.spi.PoolProvider {
          public BrokenPoolProvider() {
            if (Boolean.getBoolean("broken.constructor")) {
              throw new IllegalStateException("no licence file found");
            }
          }

          public String name() { throw new UnsupportedOperationException("name not decided yet"); }

          public com.google.inject.Module module() { return binder -> { }; }
        }
        """);
    Path sample = LanesCli.example("sample-project");

    LanesCli.Result name = LanesCli.run(sample, "run", "--pool", dir.resolve("broken-pool.jar").toString());
    LanesCli.Result constructor = LanesCli.run(sample, List.of("-Dbroken.constructor=true"), "run", "--pool",
        dir.resolve("broken-pool.jar").toString());

    assertThat(name.exitCode()).as(name.all()).isEqualTo(2);
    assertThat(name.err()).contains("has a pool provider that could not be loaded: the name() of"
        + " acme.pools.BrokenPoolProvider threw java.lang.UnsupportedOperationException: name not decided yet")
        .doesNotContain("\tat ");
    assertThat(constructor.exitCode()).as(constructor.all()).isEqualTo(2);
    assertThat(constructor.err()).contains("acme.pools.BrokenPoolProvider could not be instantiated")
        .contains("java.lang.IllegalStateException: no licence file found").doesNotContain("\tat ");
  }
}
