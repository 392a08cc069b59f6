package dev.lanes.maven;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import dev.lanes.core.ConfigOverride;
import dev.lanes.core.ConfigurationException;
import dev.lanes.core.Lanes;
import dev.lanes.core.RunOptions;
import dev.lanes.core.LanesConfig;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code lanes:test}: runs the module's tests through Lanes in the {@code test} phase, in place of Surefire. The
 * console shows what {@code lanes run} shows; {@code target/surefire-reports} gets Surefire's {@code TEST-*.xml}; a
 * failing test fails the build unless {@code maven.test.failure.ignore}.
 */
@Mojo(name = "test", defaultPhase = LifecyclePhase.TEST, requiresDependencyResolution = ResolutionScope.TEST,
    threadSafe = true)
public final class TestMojo extends AbstractLanesMojo {
  // Surefire's parameters of the test phase itself, read as AbstractLanesMojo says.

  /** Surefire's {@code reportsDirectory}: where the {@code TEST-*.xml} reports go ({@code target/surefire-reports}). */
  @Parameter
  File reportsDirectory;

  /** Surefire's {@code testFailureIgnore} ({@code -Dmaven.test.failure.ignore}): a failing test does not fail the build. */
  @Parameter
  Boolean testFailureIgnore;

  /** Surefire's {@code failIfNoTests} ({@code -DfailIfNoTests}): a module without tests fails the build. */
  @Parameter
  Boolean failIfNoTests;

  /** Surefire's {@code failIfNoSpecifiedTests} ({@code -Dsurefire.failIfNoSpecifiedTests}, default true). */
  @Parameter
  Boolean failIfNoSpecifiedTests;

  /**
   * Only the test classes a change reaches ({@code -Dlanes.changed=origin/main}; {@code -Dlanes.changed} alone: what is
   * not committed), as {@code lanes run --changed}.
   */
  @Parameter(property = "lanes.changed")
  String changed;

  /** Only the test classes that failed in the last recorded run ({@code -Dlanes.lastFailed}). */
  @Parameter(property = "lanes.lastFailed", defaultValue = "false")
  boolean lastFailed;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skipped()) {
      return;
    }
    if (!hasTestClasses()) {
      getLog().info("No tests to run.");
      return;
    }
    SurefireParameters surefire = surefireSettings().parameters();
    File reports = surefire.text("reportsDirectory").map(v -> new File(v.value()))
        .orElse(new File(project.getBuild().getDirectory(), "surefire-reports"));
    boolean ignoreFailures = flag(surefire, "testFailureIgnore", false);
    List<ConfigOverride> overrides = new ArrayList<>();
    List<String> chosen = new ArrayList<>(reporters == null || reporters.isEmpty() ? List.of("default") : reporters);
    if (!chosen.contains("surefire")) {
      chosen.add("surefire");
    }
    overrides.add(new ConfigOverride("reporters", chosen, "<reporters> of lanes-maven-plugin"));
    overrides.add(new ConfigOverride("outputFile.surefire", reports.getAbsolutePath(), "<reportsDirectory>"));
    Optional<SurefireTestFilter> filter = testFilter(surefire, overrides);
    boolean passWithNoTests = filter.isPresent() ? !flag(surefire, "failIfNoSpecifiedTests", true)
        : !flag(surefire, "failIfNoTests", false);
    overrides.add(new ConfigOverride("passWithNoTests", passWithNoTests,
        filter.isPresent() ? "surefire.failIfNoSpecifiedTests" : "failIfNoTests"));
    int threads = session.getRequest().getDegreeOfConcurrency();
    sharedMaxWorkers().ifPresent(workers -> {
      overrides.add(new ConfigOverride("maxWorkers", workers, "the build's -T " + threads
          + " (set <maxWorkers> to choose)"));
      getLog().info("maxWorkers " + workers + ": this machine's " + Runtime.getRuntime().availableProcessors()
          + " cores shared among the build's " + threads + " threads (-T " + threads + "; set <maxWorkers> to choose)");
    });
    LanesConfig config = load(overrides);
    RunOptions.Builder builder = RunOptions.builder(console()).interactive(interactive())
        .lastFailed(lastFailed).changed(Optional.ofNullable(changed).map(ref -> ref.equals("true") ? "" : ref));
    filter.ifPresent(tests -> builder.testNamePatterns(tests::methodPattern));
    RunOptions options = builder.build();
    Lanes.RunResult result;
    try {
      result = Lanes.run(config, options);
    } catch (ConfigurationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    if (result.exitCode() != 0) {
      String message = "There are test failures.\n\nSee " + project.getBasedir().toPath()
          .relativize(reports.toPath().toAbsolutePath()) + " for the individual test results.";
      if (ignoreFailures) {
        getLog().error(message);
      } else {
        throw new MojoFailureException(message);
      }
    }
  }

  private static boolean flag(SurefireParameters surefire, String name, boolean fallback) {
    return surefire.text(name).map(v -> Boolean.parseBoolean(v.value())).orElse(fallback);
  }

  /** {@code -Dtest}: replaces the include and exclude globs, and gives each class its methods. */
  private Optional<SurefireTestFilter> testFilter(SurefireParameters surefire, List<ConfigOverride> overrides)
      throws MojoExecutionException {
    String test = surefire.text("test").map(SurefireParameters.Value::value).orElse(null);
    if (test == null || test.isBlank()) {
      return Optional.empty();
    }
    SurefireTestFilter filter;
    try {
      filter = SurefireTestFilter.parse(test);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    if (!filter.includeGlobs().isEmpty()) {
      overrides.add(new ConfigOverride("include", filter.includeGlobs(), "-Dtest=" + test));
    }
    overrides.add(new ConfigOverride("exclude", filter.excludeGlobs(), "-Dtest=" + test));
    return Optional.of(filter);
  }

  /**
   * In a {@code -T} build, modules test at once: without {@code maxWorkers} set anywhere, each gets the machine's
   * cores divided by the build's threads, so together they do not oversubscribe it.
   */
  private Optional<Integer> sharedMaxWorkers() {
    int threads = session.getRequest().getDegreeOfConcurrency();
    boolean configured = maxWorkers != null || System.getProperty("lanes.maxWorkers") != null
        || session.getUserProperties().containsKey("lanes.maxWorkers")
        || project.getProperties().containsKey("lanes.maxWorkers")
        || (configuration != null && configuration.containsKey("maxWorkers"))
        || configFileSetsMaxWorkers();
    if (threads <= 1 || configured) {
      return Optional.empty();
    }
    return Optional.of(Math.max(1, Runtime.getRuntime().availableProcessors() / threads));
  }

  /** Whether the module's lanes.conf (or {@code <config>}) chooses {@code maxWorkers} itself. */
  private boolean configFileSetsMaxWorkers() {
    File file = config != null ? config : new File(project.getBasedir(), "lanes.conf");
    try {
      return file.isFile() && ConfigFactory.parseFile(file).hasPath("maxWorkers");
    } catch (ConfigException e) {
      return false; // loading the configuration reports what is wrong with it
    }
  }

  /** Live progress on a terminal, as the CLI shows it; plain lines in CI, when piped, or in a {@code -T} build. */
  private boolean interactive() {
    String ci = System.getenv("CI");
    return session.getRequest().getDegreeOfConcurrency() <= 1 && System.console() != null
        && (ci == null || ci.equalsIgnoreCase("false")) && !"dumb".equals(System.getenv("TERM"));
  }
}
