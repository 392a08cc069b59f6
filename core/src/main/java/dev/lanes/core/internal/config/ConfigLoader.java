package dev.lanes.core.internal.config;

import static dev.lanes.core.internal.config.ConfigValues.atLeastZero;
import static dev.lanes.core.internal.config.ConfigValues.checkGlob;
import static dev.lanes.core.internal.config.ConfigValues.duration;
import static dev.lanes.core.internal.config.ConfigValues.globs;
import static dev.lanes.core.internal.config.ConfigValues.percentage;
import static dev.lanes.core.internal.config.ConfigValues.stringList;
import static dev.lanes.core.internal.config.ConfigValues.stringMap;
import static dev.lanes.core.internal.config.ConfigValues.tags;
import static dev.lanes.core.internal.config.ConfigValues.workingDirectory;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.lanes.core.ConfigOverride;
import dev.lanes.core.ConfigurationException;
import dev.lanes.core.CoverageSettings;
import dev.lanes.core.LanesConfig;
import dev.lanes.core.ProjectConfig;
import dev.lanes.core.RunSettings;
import dev.lanes.spi.WorkerEnvironment;
import dev.lanes.spi.protocol.WorkerSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Loads Lanes' configuration in layers — each module's {@code reference.conf}, the user's
 * {@code lanes.conf}, {@code -Dlanes.*} system properties, command-line options — and resolves it
 * into projects. Every problem is collected with where it was written: a file that cannot be parsed
 * throws at once; other problems travel in {@link LanesConfig#problems()} to be reported with the pools' own.
 */
public final class ConfigLoader {
  private static final Set<String> ROOT_ONLY = Set.of("projects", "reporters", "outputFile", "bail", "shard",
      "shardTimings", "passWithNoTests", "coverage");
  private static final Set<String> PROJECT_ONLY = Set.of("extends");

  private final Path root;
  private final List<String> problems = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final Set<String> knownKeys;
  private final Config reference;

  private ConfigLoader(Path root, ClassLoader loader) {
    this.root = root;
    this.reference = ConfigFactory.defaultReference(loader).getConfig("lanes");
    this.knownKeys = new TreeSet<>(reference.root().keySet());
    knownKeys.add("root");
    knownKeys.addAll(WORKER_SETTINGS.keySet());
  }

  /**
   * Loads {@code configFile} (or {@code <root>/lanes.conf} if present) over the defaults, then
   * system properties and {@code overrides}. Throws {@link ConfigurationException} listing every problem.
   */
  public static LanesConfig load(Path root, Optional<Path> configFile, List<ConfigOverride> overrides,
                                 Map<String, String> systemProperties, ClassLoader loader) {
    return load(root, configFile, List.of(), overrides, systemProperties, loader);
  }

  /**
   * As {@link #load(Path, Optional, List, Map, ClassLoader)}, with {@code beneath} between the defaults and the
   * configuration file: settings a build tool carries over (Surefire's), which the user's own file overrides.
   */
  public static LanesConfig load(Path root, Optional<Path> configFile, List<ConfigOverride> beneath,
                                 List<ConfigOverride> overrides, Map<String, String> systemProperties,
                                 ClassLoader loader) {
    return new ConfigLoader(root.toAbsolutePath().normalize(), loader).load(configFile, beneath, overrides,
        systemProperties);
  }

  private LanesConfig load(Optional<Path> configFile, List<ConfigOverride> beneath, List<ConfigOverride> overrides,
                           Map<String, String> properties) {
    if (!Files.isDirectory(root)) {
      problems.add("the project root '" + root + "' " + (Files.exists(root) ? "is not a folder" : "does not exist")
          + "; pass an existing folder to --root (or run lanes in the project's folder).");
      throw new ConfigurationException(problems);
    }
    Config user = parseUserFile(configFile);
    checkKeys(user.root(), knownKeys, ROOT_ONLY, PROJECT_ONLY, "");
    Config layered = user;
    for (ConfigOverride carried : beneath) {
      layered = layered.withFallback(parseValue(carried.key(), carried.value(), carried.origin()));
    }
    for (Map.Entry<String, String> property : properties.entrySet()) {
      if (property.getKey().startsWith("lanes.")) {
        String key = property.getKey().substring("lanes.".length());
        layered = parseValue(key, property.getValue(), "system property -D" + property.getKey()).withFallback(layered);
      }
    }
    for (ConfigOverride override : overrides) {
      layered = parseValue(override.key(), override.value(), override.origin())
          .withFallback(layered);
    }
    Config merged;
    try {
      merged = layered.withFallback(reference).resolve();
    } catch (ConfigException e) {
      problems.add(e.getMessage());
      throw new ConfigurationException(problems);
    }
    List<ProjectConfig> projects = projects(merged);
    List<String> reporters = read(() -> stringList(merged, "reporters"), List.of("default"));
    Map<String, Path> outputFiles = read(() -> outputFiles(merged, reporters), Map.of());
    RunSettings settings = read(() -> settings(merged), RunSettings.defaults());
    CoverageSettings coverage = read(() -> coverage(merged), CoverageSettings.off(root));
    return new LanesConfig(root, projects, reporters, outputFiles, merged, problems, settings, coverage, warnings);
  }

  private Config parseUserFile(Optional<Path> configFile) {
    Path file = configFile.map(root::resolve).orElse(root.resolve("lanes.conf"));
    if (!Files.exists(file)) {
      if (configFile.isPresent()) {
        problems.add("configuration file '" + configFile.get() + "' does not exist; pass an existing file to --config.");
        throw new ConfigurationException(problems);
      }
      return ConfigFactory.empty();
    }
    try {
      return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (ConfigException e) {
      String message = e.getMessage().replace(file.toString(), root.relativize(file).toString());
      if (message.contains("include keyword is not followed by a quoted string")) {
        message += "; to set the include globs write the key in quotes, \"include\" = [...], since include is a"
            + " HOCON keyword";
      }
      problems.add(message);
      throw new ConfigurationException(problems);
    }
  }

  private static Config parseValue(String key, Object value, String origin) {
    Map<String, Object> map = new HashMap<>();
    map.put(key, value);
    return ConfigFactory.parseMap(map, origin);
  }

  private void checkKeys(ConfigObject object, Set<String> known, Set<String> rootOnly, Set<String> projectOnly,
                         String prefix) {
    List<Map.Entry<String, ConfigValue>> entries = new ArrayList<>(object.entrySet());
    entries.sort(java.util.Comparator.comparingInt(e -> e.getValue().origin().lineNumber()));
    for (Map.Entry<String, ConfigValue> entry : entries) {
      String key = entry.getKey();
      boolean valid = prefix.isEmpty() ? known.contains(key) && !projectOnly.contains(key)
          : (known.contains(key) || projectOnly.contains(key)) && !rootOnly.contains(key);
      valid |= isPoolGlobs(entry.getValue()); // <pool>.include: checked once the pools are known
      if (!valid) {
        Set<String> validKeys = new TreeSet<>(known);
        if (prefix.isEmpty()) {
          validKeys.removeAll(projectOnly);
        } else {
          validKeys.removeAll(rootOnly);
          validKeys.addAll(projectOnly);
        }
        problems.add(where(entry.getValue().origin()) + ": unknown key '" + prefix + key + "'; valid keys: "
            + String.join(", ", validKeys) + ".");
      }
    }
  }

  private List<ProjectConfig> projects(Config merged) {
    List<? extends ConfigObject> declared = read(() -> merged.getObjectList("projects"), List.of());
    if (declared.isEmpty()) {
      return List.of(project(merged, read(() -> merged.getString("name"), ""), root));
    }
    List<ProjectConfig> projects = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (int i = 0; i < declared.size(); i++) {
      ConfigObject object = declared.get(i);
      checkKeys(object, knownKeys, ROOT_ONLY, PROJECT_ONLY, "projects[" + i + "].");
      checkProjectSequence(object, i);
      Config own = object.toConfig();
      boolean extendsRoot = read(() -> own.hasPath("extends") && own.getBoolean("extends"), false);
      Config base = extendsRoot ? merged.withoutPath("projects") : reference;
      Config config = own.withoutPath("extends").withFallback(base);
      if (!own.hasPath("name")) {
        problems.add(where(object.origin()) + ": projects[" + i + "] has no name; give every project a unique name.");
        continue;
      }
      String name = read(() -> own.getString("name"), "project-" + i);
      if (!names.add(name)) {
        problems.add(where(own.getValue("name").origin()) + ": project name '" + name + "' is used twice; names must be unique.");
      }
      Path projectRoot = read(() -> own.hasPath("root") ? root.resolve(own.getString("root")).normalize() : root, root);
      projects.add(project(config, name, projectRoot));
    }
    return projects;
  }

  private ProjectConfig project(Config config, String name, Path projectRoot) {
    String pool = read(() -> config.getString("pool"), "vmForks");
    String poolOrigin = config.hasPath("pool") ? where(config.getValue("pool").origin()) : "default";
    boolean parallel = read(() -> config.getBoolean("fileParallelism"), true);
    int maxWorkers = parallel ? read(() -> maxWorkers(config), 1) : 1;
    // read in the order a file usually has the keys, so that problems are numbered as they are written
    List<Path> classpath = read(() -> classpath(config, projectRoot), List.of());
    List<Path> testClassDirs = read(() -> stringList(config, "testClassDirs").stream().map(projectRoot::resolve)
        .toList(), List.of());
    List<String> include = read(() -> globs(config, "include"), List.of());
    List<String> exclude = read(() -> globs(config, "exclude"), List.of());
    List<ProjectConfig.PoolMatch> poolMatchGlobs = read(() -> poolMatchGlobs(config), List.of());
    boolean isolate = read(() -> config.getBoolean("isolate"), true);
    WorkerSettings settings = workerSettings(config, maxWorkers);
    Duration teardownTimeout = read(() -> duration(config, "teardownTimeout"), Duration.ofSeconds(10));
    return new ProjectConfig(name, projectRoot, pool, poolOrigin, classpath, testClassDirs, include, exclude,
        poolMatchGlobs, isolate, maxWorkers, teardownTimeout,
        read(() -> stringList(config, "testSourceDirs").stream().map(projectRoot::resolve).toList(), List.of()),
        read(() -> poolGlobs(config), Map.of()),
        Optional.empty(), // the pool's provider says whether its files are sources (Lanes, once it is loaded)
        read(() -> config.getInt("sequence.groupOrder"), 0),
        settings,
        new WorkerEnvironment(read(() -> stringList(config, "jvmArgs"), List.of()),
            read(() -> stringMap(config, "systemProperties"), Map.of()),
            read(() -> stringMap(config, "env"), Map.of()),
            read(() -> workingDirectory(config, projectRoot), Optional.empty()),
            read(() -> config.getBoolean("useModulePath"), true)));
  }

  /** How one worker setting is read from a project's configuration into the settings being built. */
  @FunctionalInterface
  private interface SettingReader {
    void read(ConfigLoader loader, Config config, int maxWorkers, WorkerSettings.Builder into);
  }

  /**
   * The project keys that are worker settings ({@link WorkerSettings}: what each worker is told), each with how it is
   * read. They are valid keys of the file and of every project; a key written nowhere (not even in
   * {@code reference.conf}) keeps the builder's default. A new setting is one line here.
   */
  private static final Map<String, SettingReader> WORKER_SETTINGS = readers();

  /** In the order the keys are read, so that their problems are numbered as written in a file of the usual order. */
  private static Map<String, SettingReader> readers() {
    Map<String, SettingReader> readers = new LinkedHashMap<>();
    readers.put("testTimeout", (loader, config, workers, into) -> into.testTimeout(duration(config, "testTimeout")));
    readers.put("vmMemoryLimit", (loader, config, workers, into) ->
        into.vmMemoryLimit(loader.vmMemoryLimit(config, workers)));
    readers.put("retry", (loader, config, workers, into) -> into.retry(atLeastZero(config, "retry")));
    readers.put("tags", (loader, config, workers, into) -> into.tags(tags(config)));
    readers.put("configurationParameters", (loader, config, workers, into) ->
        into.configurationParameters(stringMap(config, "configurationParameters")));
    return java.util.Collections.unmodifiableMap(readers);
  }

  private WorkerSettings workerSettings(Config config, int maxWorkers) {
    WorkerSettings.Builder settings = WorkerSettings.builder()
        .vmMemoryLimit(MemoryLimit.share(MemoryLimit.memory(), maxWorkers));
    WORKER_SETTINGS.forEach((key, reader) -> {
      if (config.hasPath(key)) {
        read(() -> {
          reader.read(this, config, maxWorkers, settings);
          return key;
        }, key);
      }
    });
    return settings.build();
  }

  private RunSettings settings(Config config) {
    Optional<RunSettings.Shard> shard = Optional.empty();
    if (config.hasPath("shard")) {
      ConfigValue value = config.getValue("shard");
      try {
        shard = Optional.of(RunSettings.Shard.parse(String.valueOf(value.unwrapped())));
      } catch (IllegalArgumentException e) {
        throw new ConfigException.BadValue(value.origin(), "shard", e.getMessage());
      }
    }
    boolean shuffle = config.getBoolean("sequence.shuffle");
    long seed = config.hasPath("sequence.seed") ? config.getLong("sequence.seed") : System.currentTimeMillis();
    Optional<Path> timings = config.hasPath("shardTimings")
        ? Optional.of(root.resolve(config.getString("shardTimings")).normalize()) : Optional.empty();
    return new RunSettings(atLeastZero(config, "bail"), shard, config.getBoolean("passWithNoTests"),
        config.getString("sequence.sequencer"), shuffle, seed, timings);
  }

  private static final List<String> COVERAGE_REPORTERS = List.of("text", "html", "xml", "csv");

  /** {@code coverage}: JaCoCo's patterns, the reporters, the folders, the thresholds (percentages, 0 to 100). */
  private CoverageSettings coverage(Config config) {
    Config coverage = config.getConfig("coverage");
    List<String> reporters = stringList(coverage, "reporter");
    for (String reporter : reporters) {
      if (!COVERAGE_REPORTERS.contains(reporter)) {
        throw new ConfigException.BadValue(coverage.getValue("reporter").origin(), "coverage.reporter", "'" + reporter
            + "' is not a coverage report; valid: " + String.join(", ", COVERAGE_REPORTERS));
      }
    }
    return new CoverageSettings(coverage.getBoolean("enabled"), stringList(coverage, "include"),
        stringList(coverage, "exclude"), reporters, root.resolve(coverage.getString("reportsDirectory")).normalize(),
        coverage.hasPath("dataFile") ? Optional.of(root.resolve(coverage.getString("dataFile")).normalize())
            : Optional.empty(),
        percentage(coverage, "thresholds.lines"), percentage(coverage, "thresholds.branches"));
  }

  /** In a project only {@code sequence.groupOrder} may be set: the rest of {@code sequence} is the run's. */
  private void checkProjectSequence(ConfigObject object, int index) {
    ConfigValue sequence = object.get("sequence");
    if (sequence instanceof ConfigObject keys) {
      for (String key : new TreeSet<>(keys.keySet())) {
        if (!key.equals("groupOrder")) {
          problems.add(where(keys.get(key).origin()) + ": projects[" + index + "].sequence." + key + " is the run's"
              + " setting, not a project's; set it at the top level (a project may set only sequence.groupOrder).");
        }
      }
    }
  }

  /** {@code testSourceDirs} with the {@code <pool>.include} and {@code <pool>.exclude} globs of a pool that takes sources. */
  /**
   * {@code <pool>.include}/{@code <pool>.exclude}: the files of a pool that takes source files, by the pool's name.
   * Which names are pools is known once the pools are loaded (a pool jar's provider names itself), so here any
   * object holding nothing but {@code include} and {@code exclude} is taken, and Lanes checks its name then.
   */
  private Map<String, ProjectConfig.PoolGlobs> poolGlobs(Config config) {
    Map<String, ProjectConfig.PoolGlobs> globs = new java.util.TreeMap<>();
    for (Map.Entry<String, ConfigValue> entry : config.root().entrySet()) {
      if (isPoolGlobs(entry.getValue())) {
        String key = ConfigUtil.joinPath(entry.getKey());
        globs.put(entry.getKey(), new ProjectConfig.PoolGlobs(where(entry.getValue().origin()),
            config.hasPath(key + ".include") ? Optional.of(globs(config, key + ".include")) : Optional.empty(),
            config.hasPath(key + ".exclude") ? Optional.of(globs(config, key + ".exclude")) : Optional.empty()));
      }
    }
    return globs;
  }

  private static boolean isPoolGlobs(ConfigValue value) {
    return value instanceof ConfigObject object && !object.isEmpty()
        && Set.of("include", "exclude").containsAll(object.keySet());
  }

  private long vmMemoryLimit(Config config, int maxWorkers) {
    long memory = MemoryLimit.memory();
    if (!config.hasPath("vmMemoryLimit")) {
      return MemoryLimit.share(memory, maxWorkers);
    }
    ConfigValue value = config.getValue("vmMemoryLimit");
    try {
      return MemoryLimit.parse(String.valueOf(value.unwrapped()), memory);
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(value.origin(), "vmMemoryLimit", e.getMessage());
    }
  }

  private int maxWorkers(Config config) {
    ConfigValue value = config.getValue("maxWorkers");
    int cpus = Runtime.getRuntime().availableProcessors();
    String text = String.valueOf(value.unwrapped()).trim();
    try {
      if (text.endsWith("%")) {
        double percent = Double.parseDouble(text.substring(0, text.length() - 1));
        if (percent <= 0) {
          throw new NumberFormatException();
        }
        return (int) Math.max(1, Math.min(cpus, Math.round(percent * cpus / 100)));
      }
      int workers = Integer.parseInt(text);
      if (workers < 1) {
        throw new NumberFormatException();
      }
      return workers;
    } catch (NumberFormatException e) {
      throw new ConfigException.BadValue(value.origin(), "maxWorkers",
          "'" + text + "' is not a number of workers; use a whole number of at least 1, or a percentage such as \"50%\"");
    }
  }

  private List<Path> classpath(Config config, Path projectRoot) {
    List<Path> entries = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (String entry : stringList(config, "classpath")) {
      if (entry.startsWith("@")) {
        Path file = projectRoot.resolve(entry.substring(1));
        try {
          for (String line : Files.readAllLines(file)) {
            for (String part : line.split(File.pathSeparator)) {
              if (!part.isBlank()) {
                entries.add(projectRoot.resolve(part.trim()).normalize());
              }
            }
          }
        } catch (IOException e) {
          throw new ConfigException.BadValue(config.getValue("classpath").origin(), "classpath",
              "class path file '" + root.relativize(file) + "' cannot be read (" + e.getClass().getSimpleName()
                  + "); build the project first so it exists");
        }
      } else {
        Path path = projectRoot.resolve(entry).normalize();
        if (!Files.exists(path)) {
          missing.add(entry);
        }
        entries.add(path);
      }
    }
    ConfigOrigin origin = config.getValue("classpath").origin();
    // a build tool's class path may name folders it has not made (a module without main classes): only the user's
    boolean written = origin.filename() != null || origin.description().startsWith("command-line option")
        || origin.description().startsWith("system property");
    if (!missing.isEmpty() && written) {
      warnings.add(where(config.getValue("classpath").origin()) + ": " + (missing.size() == 1
          ? "the class path entry " + missing.get(0) + " does not exist" : "these class path entries do not exist: "
          + String.join(", ", missing)) + "; it adds nothing to the class path.");
    }
    return entries;
  }

  private List<ProjectConfig.PoolMatch> poolMatchGlobs(Config config) {
    List<ProjectConfig.PoolMatch> matches = new ArrayList<>();
    for (ConfigValue value : config.getList("poolMatchGlobs")) {
      Object pair = value.unwrapped();
      if (value.valueType() != ConfigValueType.LIST || ((List<?>) pair).size() != 2) {
        throw new ConfigException.BadValue(value.origin(), "poolMatchGlobs",
            "each entry must be a [glob, pool] pair, e.g. [\"**/*IT.class\", forks]");
      }
      List<?> list = (List<?>) pair;
      checkGlob(String.valueOf(list.get(0)), value.origin(), "poolMatchGlobs");
      matches.add(new ProjectConfig.PoolMatch(String.valueOf(list.get(0)), String.valueOf(list.get(1)), where(value.origin())));
    }
    return matches;
  }

  /** The reporters that write a file, whose names {@code outputFile} may hold besides the run's own reporters. */
  private static final List<String> FILE_REPORTERS = List.of("blob", "html", "json", "junit", "open-test-reporting",
      "surefire");
  private static final List<String> CONSOLE_REPORTERS = List.of("default", "verbose", "dot", "github-actions");

  private Map<String, Path> outputFiles(Config config, List<String> reporters) {
    if (!config.hasPath("outputFile")) {
      return Map.of();
    }
    ConfigValue value = config.getValue("outputFile");
    Map<String, Path> files = new LinkedHashMap<>();
    if (value.valueType() == ConfigValueType.OBJECT) {
      Set<String> known = new TreeSet<>(FILE_REPORTERS);
      reporters.stream().filter(reporter -> !CONSOLE_REPORTERS.contains(reporter)).forEach(known::add);
      config.getConfig("outputFile").root().forEach((reporter, path) -> {
        if (!known.contains(reporter)) {
          problems.add(where(path.origin()) + ": outputFile has no key '" + reporter + "'"
              + Suggestions.didYouMean(reporter, known) + "; valid keys: " + String.join(", ", known)
              + " (the reporters that write a file, and those of this run).");
        }
        files.put(reporter, root.resolve(String.valueOf(path.unwrapped())));
      });
    } else {
      files.put("*", root.resolve(config.getString("outputFile")));
    }
    return files;
  }

  private <T> T read(Supplier<T> reader, T fallback) {
    try {
      return reader.get();
    } catch (ConfigException e) {
      problems.add(describe(e));
      return fallback;
    }
  }

  private String describe(ConfigException e) {
    String message = e.getMessage();
    ConfigOrigin origin = e.origin();
    if (origin != null) {
      String prefix = origin.description() + ": ";
      if (message.startsWith(prefix)) {
        message = message.substring(prefix.length());
      }
      return where(origin) + ": " + message + ".";
    }
    return message;
  }

  private String where(ConfigOrigin origin) {
    return Origins.where(root, origin);
  }
}
