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
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * What {@code lanes:test} and {@code lanes:list} share: the module's test class path from Maven, its
 * {@code lanes.conf}, and the plugin's parameters as configuration layered over it (over {@code -Dlanes.*} too).
 */
abstract class AbstractLanesMojo extends AbstractMojo {
  private static final Pattern ENGINE = Pattern.compile("junit-platform-engine-(\\d[^/\\\\]*)\\.jar");
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

  /** Globs over class files below the test output folder; by default Surefire's. */
  @Parameter
  List<String> includes;

  /** Globs over class files left out. */
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

  /** Surefire's {@code -Dtest}: {@code Class[#method[+method]]}, comma-separated, {@code !} to leave out. */
  @Parameter(property = "test")
  String test;

  /** JVM flags of forked workers ({@code forks}, {@code vmForks}), as Surefire's {@code argLine}. */
  @Parameter(property = "argLine")
  String argLine;

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

  /** The configuration: lanes.conf, then -Dlanes.* (from Maven's properties), then the parameters. */
  LanesConfig load(List<ConfigOverride> more) throws MojoExecutionException {
    List<ConfigOverride> overrides = new ArrayList<>();
    overrides.add(new ConfigOverride("classpath", classpath(), "the test class path of " + project.getId()));
    overrides.add(new ConfigOverride("testClassDirs", List.of(project.getBuild().getTestOutputDirectory()),
        "the test output folder of " + project.getId()));
    add(overrides, "pool", pool);
    add(overrides, "maxWorkers", maxWorkers);
    add(overrides, "isolate", isolate);
    add(overrides, "include", includes);
    add(overrides, "exclude", excludes);
    add(overrides, "testTimeout", testTimeout);
    if (configuration != null) {
      configuration.forEach((key, value) -> overrides.add(new ConfigOverride(key, hocon(value),
          "<configuration><" + key + "> of lanes-maven-plugin in " + pom())));
    }
    if (argLine != null && !argLine.isBlank()) {
      List<String> flags = jvmFlags(lateProperties(argLine));
      for (String forked : List.of("forks", "vmForks")) {
        overrides.add(new ConfigOverride("poolOptions." + forked + ".execArgv", flags, "argLine"));
      }
    }
    overrides.addAll(more);
    Map<String, String> properties = new LinkedHashMap<>();
    System.getProperties().forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
    project.getProperties().forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
    session.getUserProperties().forEach((key, value) -> properties.put(String.valueOf(key), String.valueOf(value)));
    Path root = project.getBasedir().toPath().toAbsolutePath().normalize();
    try {
      return Lanes.loadConfig(root, Optional.ofNullable(config).map(File::toPath), overrides, properties);
    } catch (ConfigurationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
  }

  private void add(List<ConfigOverride> overrides, String key, Object value) {
    if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
      String parameter = key.equals("include") ? "includes" : key.equals("exclude") ? "excludes" : key;
      overrides.add(new ConfigOverride(key, value, "<" + parameter + "> of lanes-maven-plugin in " + pom()));
    }
  }

  private String pom() {
    Path root = session.getTopLevelProject() == null ? null : session.getTopLevelProject().getBasedir().toPath();
    Path pom = project.getFile().toPath();
    return root == null ? pom.toString() : root.relativize(pom).toString();
  }

  /**
   * The module's test class path as Maven resolved it. A JUnit Platform engine without its launcher (a project that
   * declares only {@code junit-jupiter}) gets the launcher of the same version, resolved as Surefire resolves it.
   */
  private List<String> classpath() throws MojoExecutionException {
    List<String> entries;
    try {
      entries = new ArrayList<>(project.getTestClasspathElements());
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("cannot resolve the test class path of " + project.getId(), e);
    }
    boolean hasLauncher = entries.stream().anyMatch(e -> new File(e).getName().startsWith("junit-platform-launcher-"));
    Optional<String> engine = entries.stream().map(e -> ENGINE.matcher(new File(e).getName()))
        .filter(Matcher::matches).map(m -> m.group(1)).findFirst();
    if (!hasLauncher && engine.isPresent()) {
      entries.add(launcher(engine.get()).getAbsolutePath());
    }
    return entries;
  }

  private File launcher(String version) throws MojoExecutionException {
    List<RemoteRepository> repositories = new ArrayList<>(projectRepositories);
    repositories.addAll(pluginRepositories);
    ArtifactRequest request = new ArtifactRequest(
        new DefaultArtifact("org.junit.platform", "junit-platform-launcher", "jar", version), repositories, null);
    try {
      return repositorySystem.resolveArtifact(repositorySession, request).getArtifact().getFile();
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException("The tests use junit-platform-engine " + version + " but not its launcher,"
          + " and org.junit.platform:junit-platform-launcher:" + version + " cannot be resolved: " + e.getMessage()
          + "; add it to the test dependencies.", e);
    }
  }

  /** {@code @{property}} in an argLine is the property's value at run time (JaCoCo's agent sets argLine so). */
  private String lateProperties(String line) {
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

  /** An argLine as JVM flags: split on spaces, quotes keeping a flag with spaces together. */
  static List<String> jvmFlags(String line) {
    List<String> flags = new ArrayList<>();
    StringBuilder flag = new StringBuilder();
    char quote = 0;
    boolean any = false;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          flag.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        any = true;
      } else if (Character.isWhitespace(c)) {
        if (any || flag.length() > 0) {
          flags.add(flag.toString());
          flag.setLength(0);
          any = false;
        }
      } else {
        flag.append(c);
      }
    }
    if (any || flag.length() > 0) {
      flags.add(flag.toString());
    }
    return flags;
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
