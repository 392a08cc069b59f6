package dev.lanes.maven;

import dev.lanes.core.ConfigOverride;
import dev.lanes.core.ConfigurationException;
import dev.lanes.core.Lanes;
import dev.lanes.core.LanesConfig;
import java.io.File;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * What {@code lanes:test} and {@code lanes:list} share: the module's test class path from Maven, its
 * {@code lanes.conf}, and the plugin's parameters as configuration layered over it (over {@code -Dlanes.*} too).
 */
abstract class AbstractLanesMojo extends AbstractMojo {
  private static final Pattern LATE_PROPERTY = Pattern.compile("@\\{([^}]+)}");

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  MavenProject project;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  MavenSession session;

  @Component
  RepositorySystem repositorySystem;

  @Parameter(defaultValue = "${repositorySystemSession}", readonly = true, required = true)
  RepositorySystemSession repositorySession;

  @Parameter(defaultValue = "${project.remotePluginRepositories}", readonly = true, required = true)
  List<RemoteRepository> pluginRepositories;

  @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true, required = true)
  List<RemoteRepository> projectRepositories;

  /** The Lanes configuration file; by default the module's {@code lanes.conf}, if it has one. */
  @Parameter(property = "lanes.config")
  File config;

  /** The pool: a name ({@code threads}, {@code forks}, {@code vmThreads}, ...) or a pool jar's path. */
  @Parameter
  String pool;

  /** Workers at once: a number or a percentage ({@code 50%}). In a {@code -T} build, divided among the threads. */
  @Parameter
  String maxWorkers;

  /** A fresh worker per test file ({@code false} reuses workers). */
  @Parameter
  Boolean isolate;

  /** Surefire's {@code includes}: globs over test classes ({@code **}{@code /*Test.java} or {@code .class}); by default Surefire's. */
  @Parameter
  List<String> includes;

  /** Surefire's {@code excludes}: globs over test classes left out. */
  @Parameter
  List<String> excludes;

  /** Lanes' reporters besides {@code surefire}: by default {@code default} (the CLI's console output). */
  @Parameter
  List<String> reporters;

  /** Fail a test running longer than this ({@code 10s}; {@code 0} = no limit). */
  @Parameter
  String testTimeout;

  /** Any other configuration key, as in lanes.conf: {@code <poolOptions.forks.maxHeap>1g</poolOptions.forks.maxHeap>}. */
  @Parameter
  Map<String, String> configuration;

  @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
  MojoExecution mojoExecution;

  // Surefire's parameters, by Surefire's names. Each is read as Surefire reads it (SurefireParameters): this plugin's
  // configuration, else maven-surefire-plugin's, else Surefire's property (-Dtest, -DargLine, -Dgroups, ...). The
  // fields declare them for Maven (and its help); their values are read from the configuration itself.

  /** Surefire's {@code test} ({@code -Dtest}): {@code Class[#method[+method]]}, comma-separated, {@code !} to leave out. */
  @Parameter
  String test;

  /** Surefire's {@code argLine} ({@code -DargLine}): JVM flags of the JVMs the tests run in. */
  @Parameter
  String argLine;

  /** Surefire's {@code groups} ({@code -Dgroups}): JUnit tags or tag expressions, comma-separated; a test runs if it matches one. */
  @Parameter
  String groups;

  /** Surefire's {@code excludedGroups} ({@code -DexcludedGroups}): tests with any of these tags do not run. */
  @Parameter
  String excludedGroups;

  /** Surefire's {@code systemPropertyVariables}: system properties of the tests' JVM. */
  @Parameter
  Map<String, String> systemPropertyVariables;

  /** Surefire's {@code environmentVariables}: environment variables of the tests' JVM. */
  @Parameter
  Map<String, String> environmentVariables;

  /** Surefire's {@code workingDirectory}: the folder the tests' JVM starts in. */
  @Parameter
  File workingDirectory;

  /** Surefire's {@code additionalClasspathElements}: entries added after the test class path. */
  @Parameter
  List<String> additionalClasspathElements;

  /** Surefire's {@code classpathDependencyExcludes}: {@code groupId:artifactId} of dependencies left off the class path. */
  @Parameter
  List<String> classpathDependencyExcludes;

  /** Surefire's {@code rerunFailingTestsCount}: Lanes' {@code retry}. */
  @Parameter
  Integer rerunFailingTestsCount;

  /** Surefire's {@code skipAfterFailureCount}: Lanes' {@code bail}. */
  @Parameter
  Integer skipAfterFailureCount;

  /** Surefire's {@code forkCount}: workers at once ({@code 2C} is two per core); {@code 0} runs in Maven's JVM. */
  @Parameter
  String forkCount;

  /** Surefire's {@code reuseForks}: {@code false} gives every test class a JVM of its own (the {@code forks} pool). */
  @Parameter
  Boolean reuseForks;

  /** Surefire's {@code enableAssertions} (default true): {@code -ea} in the tests' JVM. */
  @Parameter
  Boolean enableAssertions;

  /** Lanes' own switch: skips this plugin only. */
  @Parameter(property = "lanes.skip", defaultValue = "false")
  boolean skip;

  /** Surefire's: skips running the tests. */
  @Parameter(property = "skipTests", defaultValue = "false")
  boolean skipTests;

  /** Maven's: skips compiling and running the tests. */
  @Parameter(property = "maven.test.skip", defaultValue = "false")
  boolean skipMavenTest;

  /** Whether the tests to run are being skipped, and says why on the log. */
  boolean skipped() {
    String why = skip ? "lanes.skip" : skipTests ? "skipTests" : skipMavenTest ? "maven.test.skip" : null;
    if (why != null) {
      getLog().info("Tests are skipped (" + why + ").");
    }
    return why != null;
  }

  /**
   * The configuration: Surefire's settings (as {@link SurefireSettings} maps them), then lanes.conf, then -Dlanes.*
   * (from Maven's properties), then the plugin's own Lanes parameters and {@code more}.
   */
  LanesConfig load(List<ConfigOverride> more) throws MojoExecutionException {
    SurefireSettings surefire = surefireSettings();
    surefire.warnings().forEach(getLog()::warn);
    List<ConfigOverride> overrides = new ArrayList<>();
    overrides.add(new ConfigOverride("classpath", classpath(surefire.parameters()), "the test class path of "
        + project.getId()));
    overrides.add(new ConfigOverride("testClassDirs", List.of(surefire.parameters().text("testClassesDirectory")
        .map(SurefireParameters.Value::value).orElse(project.getBuild().getTestOutputDirectory())),
        "the test output folder of " + project.getId()));
    add(overrides, "pool", pool);
    add(overrides, "maxWorkers", maxWorkers);
    add(overrides, "isolate", isolate);
    add(overrides, "testTimeout", testTimeout);
    if (configuration != null) {
      configuration.forEach((key, value) -> overrides.add(new ConfigOverride(key, hocon(value),
          "<configuration><" + key + "> of lanes-maven-plugin in " + pom())));
    }
    overrides.addAll(more);
    Path root = project.getBasedir().toPath().toAbsolutePath().normalize();
    List<ConfigOverride> layer = new ArrayList<>(surefire.layer());
    // Surefire has no time-out of its own: a test may run as long as it takes (forkedProcessTimeoutInSeconds aside)
    layer.add(0, new ConfigOverride("testTimeout", 0, "lanes-maven-plugin (Surefire has no test time-out)"));
    try {
      return Lanes.loadConfig(root, Optional.ofNullable(config).map(File::toPath), layer, overrides, properties());
    } catch (ConfigurationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  /** Maven's properties as Lanes sees them: the JVM's, then the POM's, then the user's ({@code -D}). */
  private Map<String, String> properties() {
    Map<String, String> properties = new LinkedHashMap<>();
    System.getProperties().forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
    project.getProperties().forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
    session.getUserProperties().forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
    return properties;
  }

  /** Surefire's parameters as this module's build gives them, this plugin's own configuration first. */
  SurefireSettings surefireSettings() {
    java.util.Properties properties = new java.util.Properties();
    properties.putAll(project.getProperties());
    properties.putAll(session.getSystemProperties());
    properties.putAll(session.getUserProperties());
    Plugin lanes = project.getPlugin(mojoExecution.getGroupId() + ":" + mojoExecution.getArtifactId());
    SurefireParameters parameters = SurefireParameters.of(lanes, mojoExecution.getExecutionId(),
        project.getPlugin(SurefireParameters.SUREFIRE), pom(), properties);
    return new SurefireSettings(parameters, this::lateProperties);
  }

  private void add(List<ConfigOverride> overrides, String key, Object value) {
    if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
      overrides.add(new ConfigOverride(key, value, "<" + key + "> of lanes-maven-plugin in " + pom()));
    }
  }

  private String pom() {
    Path root = session.getTopLevelProject() == null ? null : session.getTopLevelProject().getBasedir().toPath();
    Path pom = project.getFile().toPath();
    return root == null ? pom.toString() : root.relativize(pom).toString();
  }

  /** The module's test class path, as {@link MavenTestClasspath} makes it. */
  private List<String> classpath(SurefireParameters surefire) throws MojoExecutionException {
    List<RemoteRepository> repositories = new ArrayList<>(projectRepositories);
    repositories.addAll(pluginRepositories);
    return new MavenTestClasspath(project, repositorySystem, repositorySession, repositories, getLog()::info)
        .entries(surefire);
  }

  /** {@code @{property}} in an argLine is the property's value at run time (JaCoCo's agent sets argLine so). */
  String lateProperties(String line) {
    Matcher matcher = LATE_PROPERTY.matcher(line);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = session.getUserProperties().getProperty(matcher.group(1),
          project.getProperties().getProperty(matcher.group(1), ""));
      matcher.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** A parameter's text as a HOCON value: a list, number or boolean as such, anything else as a string. */
  private static Object hocon(String value) {
    try {
      return com.typesafe.config.ConfigFactory.parseString("v = " + value).getValue("v").unwrapped();
    } catch (com.typesafe.config.ConfigException e) {
      return value;
    }
  }

  /** Maven's console: what Lanes prints goes where the build's log goes. */
  static PrintStream console() {
    return System.out;
  }

  /** Whether the project has test classes at all (Surefire says "No tests to run." otherwise). */
  boolean hasTestClasses() {
    return Files.isDirectory(Path.of(project.getBuild().getTestOutputDirectory()));
  }
}
