package dev.lanes.maven;

import dev.lanes.core.ConfigOverride;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * Surefire's settings as Lanes configuration: what a build moving from Surefire to lanes:test keeps without writing
 * a line of Lanes configuration. The settings become a layer under the module's {@code lanes.conf} (which, like
 * {@code -Dlanes.*}, overrides them); the class path changes and the switches of the test phase itself
 * ({@code reportsDirectory}, {@code testFailureIgnore}, ...) are read by the mojo. What Lanes cannot honour is
 * named in one warning.
 */
final class SurefireSettings {
  /** Parameters Lanes honours, here or in the mojo (README: "Surefire's settings"). */
  static final Set<String> HONOURED = Set.of("argLine", "systemPropertyVariables", "systemProperties",
      "environmentVariables", "additionalClasspathElements", "classpathDependencyExcludes",
      "classpathDependencyScopeExclude", "groups", "excludedGroups", "includes", "excludes", "includesFile",
      "excludesFile", "test", "workingDirectory", "rerunFailingTestsCount", "skipAfterFailureCount", "forkCount",
      "reuseForks", "reportsDirectory", "failIfNoTests", "failIfNoSpecifiedTests", "testFailureIgnore",
      "enableAssertions", "testClassesDirectory", "properties", "useModulePath");
  /** Parameters that change nothing under Lanes: how Surefire itself is skipped, and its own console's looks. */
  static final Set<String> WITHOUT_EFFECT = Set.of("skip", "skipTests", "skipExec", "printSummary", "reportFormat",
      "useFile", "encoding", "classesDirectory", "testSourceDirectory");

  private final SurefireParameters parameters;
  private final UnaryOperator<String> lateProperties;
  private final List<ConfigOverride> layer = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();

  SurefireSettings(SurefireParameters parameters, UnaryOperator<String> lateProperties) {
    this.parameters = parameters;
    this.lateProperties = lateProperties;
    jvm();
    selection();
    workers();
    parameters.map("properties").ifPresent(p -> configurationParameters(p.value(), p.origin()));
    Set<String> ignored = new TreeSet<>(parameters.configuredForSurefire());
    ignored.removeAll(HONOURED);
    ignored.removeAll(WITHOUT_EFFECT);
    if (!ignored.isEmpty()) {
      warnings.add("maven-surefire-plugin's " + String.join(", ", ignored.stream().map(n -> "<" + n + ">").toList())
          + (ignored.size() == 1 ? " has" : " have") + " no Lanes equivalent and " + (ignored.size() == 1 ? "is" : "are")
          + " not applied; see \"Surefire's settings\" in Lanes' README.");
    }
  }

  /** The configuration Surefire's settings make, for a layer under lanes.conf. */
  List<ConfigOverride> layer() {
    return List.copyOf(layer);
  }

  List<String> warnings() {
    return List.copyOf(warnings);
  }

  SurefireParameters parameters() {
    return parameters;
  }

  /** Where the layer's value of {@code key} came from, as errors name it. */
  String settingsOrigin(String key) {
    return layer.stream().filter(o -> o.key().equals(key)).reduce((a, b) -> b).map(ConfigOverride::option)
        .orElseThrow();
  }

  /** argLine, enableAssertions, system properties, environment variables, working folder. */
  private void jvm() {
    List<String> jvmArgs = new ArrayList<>();
    boolean assertions = parameters.text("enableAssertions").map(v -> Boolean.parseBoolean(v.value())).orElse(true);
    if (assertions) {
      jvmArgs.add("-ea"); // Surefire's default: the forked JVM runs with assertions on
    }
    Optional<SurefireParameters.Value<String>> argLine = parameters.text("argLine");
    if (argLine.isPresent()) {
      for (String flag : jvmFlags(lateProperties.apply(argLine.get().value()))) {
        if (flag.startsWith("${") && flag.endsWith("}")) {
          warnings.add(argLine.get().origin() + " holds " + flag + ", a property no one set; it is left out.");
        } else {
          jvmArgs.add(flag);
        }
      }
    }
    layer.add(new ConfigOverride("jvmArgs", jvmArgs, argLine.map(SurefireParameters.Value::origin)
        .orElse("Surefire's enableAssertions")));
    jvmArgs.stream().filter(flag -> flag.startsWith("-javaagent:") && flag.contains("jacoco")).findFirst()
        .ifPresent(agent -> jacoco(agent, argLine.orElseThrow().origin()));
    Map<String, String> properties = new LinkedHashMap<>();
    List<String> origins = new ArrayList<>();
    for (String name : List.of("systemProperties", "systemPropertyVariables")) {
      parameters.map(name).ifPresent(p -> {
        p.value().forEach((key, value) -> properties.put(key, lateProperties.apply(value)));
        origins.add(p.origin());
      });
    }
    if (!properties.isEmpty()) {
      layer.add(new ConfigOverride("systemProperties", properties, String.join(" and ", origins)));
    }
    parameters.map("environmentVariables").ifPresent(env -> layer.add(new ConfigOverride("env", env.value(),
        env.origin())));
    parameters.text("workingDirectory").ifPresent(dir -> layer.add(new ConfigOverride("workingDirectory",
        dir.value(), dir.origin())));
    parameters.text("useModulePath").ifPresent(v -> layer.add(new ConfigOverride("useModulePath",
        Boolean.parseBoolean(v.value()), v.origin())));
  }

  /**
   * JaCoCo's agent in the argLine (jacoco-maven-plugin's {@code prepare-agent}): the forked pools' JVMs get it as it
   * is; the in-process pools, whose JVM is running already, instrument the same classes themselves into the agent's
   * {@code destfile}, so {@code jacoco:report} finds what every pool measured.
   */
  private void jacoco(String agent, String origin) {
    int equals = agent.indexOf('=');
    java.util.Map<String, String> options = new LinkedHashMap<>();
    if (equals > 0) {
      for (String option : agent.substring(equals + 1).split(",")) {
        int split = option.indexOf('=');
        if (split > 0) {
          options.put(option.substring(0, split), option.substring(split + 1));
        }
      }
    }
    layer.add(new ConfigOverride("coverage.dataFile", options.getOrDefault("destfile", "jacoco.exec"), origin));
    if (options.containsKey("includes")) {
      layer.add(new ConfigOverride("coverage.include", List.of(options.get("includes").split(":")), origin));
    }
    if (options.containsKey("excludes")) {
      layer.add(new ConfigOverride("coverage.exclude", List.of(options.get("excludes").split(":")), origin));
    }
  }

  /** includes, excludes (and their files), groups and excludedGroups. */
  private void selection() {
    globs("includes", "includesFile").ifPresent(globs -> layer.add(new ConfigOverride("include", globs.value(),
        globs.origin())));
    globs("excludes", "excludesFile").ifPresent(globs -> layer.add(new ConfigOverride("exclude", globs.value(),
        globs.origin())));
    Optional<SurefireParameters.Value<List<String>>> groups = parameters.list("groups");
    Optional<SurefireParameters.Value<List<String>>> excluded = parameters.list("excludedGroups");
    if (groups.isPresent() || excluded.isPresent()) {
      List<String> include = groups.map(SurefireParameters.Value::value).orElse(List.of());
      List<String> exclude = excluded.map(SurefireParameters.Value::value).orElse(List.of());
      List<String> origins = new ArrayList<>();
      groups.ifPresent(g -> origins.add(g.origin()));
      excluded.ifPresent(e -> origins.add(e.origin()));
      layer.add(new ConfigOverride("tags", tags(include, exclude), String.join(" and ", origins)));
    }
  }

  /**
   * Surefire's groups and excludedGroups as tag expressions: a test runs when it matches one of the groups (each may
   * be an expression itself) and none of the excluded ones.
   */
  static List<String> tags(List<String> groups, List<String> excludedGroups) {
    String none = excludedGroups.isEmpty() ? "" : "!(" + String.join(" | ", excludedGroups.stream()
        .map(g -> "(" + g + ")").toList()) + ")";
    if (groups.isEmpty()) {
      return List.of(none);
    }
    return groups.stream().map(g -> none.isEmpty() ? g : "(" + g + ") & " + none).toList();
  }

  /** rerunFailingTestsCount, skipAfterFailureCount, forkCount, reuseForks. */
  private void workers() {
    parameters.text("rerunFailingTestsCount").ifPresent(v -> layer.add(new ConfigOverride("retry",
        number(v), v.origin())));
    parameters.text("skipAfterFailureCount").ifPresent(v -> layer.add(new ConfigOverride("bail", number(v),
        v.origin())));
    Optional<SurefireParameters.Value<String>> forkCount = parameters.text("forkCount");
    boolean reuse = parameters.text("reuseForks").map(v -> Boolean.parseBoolean(v.value())).orElse(true);
    if (forkCount.isPresent() && forkCount.get().value().equals("0")) {
      // Surefire runs the tests in Maven's JVM, one class after the other, in one class loader
      layer.add(new ConfigOverride("pool", "threads", forkCount.get().origin()));
      layer.add(new ConfigOverride("isolate", false, forkCount.get().origin()));
      layer.add(new ConfigOverride("maxWorkers", 1, forkCount.get().origin()));
      return;
    }
    try {
      forkCount.map(this::workers).ifPresent(workers -> layer.add(new ConfigOverride("maxWorkers", workers,
          forkCount.get().origin())));
    } catch (NumberFormatException e) {
      warnings.add(forkCount.get().origin() + " is '" + forkCount.get().value() + "', not a number of JVMs (such as 2"
          + " or 1C); Lanes' maxWorkers applies.");
    }
    if (!reuse) {
      // a JVM of its own for every test class
      String origin = parameters.text("reuseForks").orElseThrow().origin();
      layer.add(new ConfigOverride("pool", "forks", origin));
      layer.add(new ConfigOverride("isolate", true, origin));
    }
  }

  /**
   * forkCount as workers: {@code 2C} is twice the cores, {@code 3} is three, and {@code 1}, written in the build, one
   * file at a time, as Surefire runs them (tests that share files on disk often need it). Left out, Lanes runs a
   * worker per core.
   */
  private Object workers(SurefireParameters.Value<String> forkCount) {
    String text = forkCount.value();
    if (text.endsWith("C") || text.endsWith("c")) {
      double perCore = Double.parseDouble(text.substring(0, text.length() - 1));
      return Math.max(1, (int) Math.round(perCore * Runtime.getRuntime().availableProcessors()));
    }
    return Integer.parseInt(text);
  }

  private static Object number(SurefireParameters.Value<String> value) {
    try {
      return Integer.parseInt(value.value());
    } catch (NumberFormatException e) {
      return value.value(); // Lanes' configuration names the bad value and where it was written
    }
  }

  /** {@code <properties><configurationParameters>key=value lines</configurationParameters></properties>}. */
  private void configurationParameters(Map<String, String> properties, String origin) {
    String text = properties.get("configurationParameters");
    if (text == null) {
      return;
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : text.split("\\R")) {
      String entry = line.trim();
      int equals = entry.indexOf('=');
      if (!entry.isEmpty() && !entry.startsWith("#") && equals > 0) {
        values.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
      }
    }
    if (!values.isEmpty()) {
      layer.add(new ConfigOverride("configurationParameters", values, origin));
    }
  }

  /** includes or excludes, from the configuration or its file, as Lanes' globs over class files. */
  private Optional<SurefireParameters.Value<List<String>>> globs(String name, String fileName) {
    List<String> patterns = new ArrayList<>();
    List<String> origins = new ArrayList<>();
    parameters.list(name).ifPresent(list -> {
      patterns.addAll(list.value());
      origins.add(list.origin());
    });
    parameters.text(fileName).ifPresent(file -> {
      try {
        Files.readAllLines(Path.of(file.value())).stream().map(String::trim)
            .filter(line -> !line.isEmpty() && !line.startsWith("#")).forEach(patterns::add);
        origins.add(file.origin());
      } catch (IOException e) {
        // Surefire reads a missing file as no patterns
      }
    });
    if (origins.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new SurefireParameters.Value<>(patterns.stream().map(SurefireSettings::classGlob).toList(),
        String.join(" and ", origins)));
  }

  /**
   * A Surefire include or exclude as a glob over class files: {@code **}{@code /*Test.java} and
   * {@code **}{@code /*Test.class} alike, {@code %regex[...]} as a regular expression over the class file's path.
   */
  static String classGlob(String pattern) {
    if (pattern.startsWith("%regex[") && pattern.endsWith("]")) {
      return "regex:" + pattern.substring("%regex[".length(), pattern.length() - 1).replace("\\.java", "\\.class")
          .replace(".java", ".class");
    }
    return pattern.endsWith(".java") ? pattern.substring(0, pattern.length() - ".java".length()) + ".class" : pattern;
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
}
