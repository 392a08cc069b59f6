package dev.lanes.core.internal.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads one value of a configuration and checks it, so that a bad value is a configuration error that names its key
 * and where it was written (Typesafe Config's {@link ConfigException}, which the loader numbers with the others): tag
 * expressions, globs, durations, counts, percentages, lists and maps of strings, the working folder.
 */
final class ConfigValues {
  private ConfigValues() {
  }

  /** {@code tags}: one tag expression or a list of them, each checked here so a typo is a configuration error. */
  static List<String> tags(Config config) {
    if (!config.hasPath("tags")) {
      return List.of();
    }
    List<String> tags = stringList(config, "tags").stream().map(String::trim).filter(t -> !t.isEmpty()).toList();
    for (String tag : tags) {
      TagExpressions.check(tag).ifPresent(problem ->
          { throw new ConfigException.BadValue(config.getValue("tags").origin(), "tags", problem); });
    }
    return tags;
  }

  /** An object of names and values ({@code systemProperties}, {@code env}); dotted names may be quoted or not. */
  static Map<String, String> stringMap(Config config, String key) {
    if (!config.hasPath(key)) {
      return Map.of();
    }
    Map<String, String> values = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> entry : config.getConfig(key).entrySet()) {
      ConfigValue value = entry.getValue();
      if (value.valueType() == ConfigValueType.LIST || value.valueType() == ConfigValueType.OBJECT) {
        throw new ConfigException.BadValue(value.origin(), key + "." + entry.getKey(), "must be a string, a number"
            + " or a boolean");
      }
      values.put(String.join(".", ConfigUtil.splitPath(entry.getKey())),
          value.unwrapped() == null ? "" : String.valueOf(value.unwrapped()));
    }
    return values;
  }

  static Optional<Path> workingDirectory(Config config, Path projectRoot) {
    if (!config.hasPath("workingDirectory")) {
      return Optional.empty();
    }
    return Optional.of(projectRoot.resolve(config.getString("workingDirectory")).normalize());
  }

  static java.util.OptionalDouble percentage(Config config, String key) {
    if (!config.hasPath(key)) {
      return java.util.OptionalDouble.empty();
    }
    double value = config.getDouble(key);
    if (value < 0 || value > 100) {
      throw new ConfigException.BadValue(config.getValue(key).origin(), "coverage." + key,
          "must be a percentage from 0 to 100, was " + value);
    }
    return java.util.OptionalDouble.of(value);
  }

  static int atLeastZero(Config config, String key) {
    int value = config.getInt(key);
    if (value < 0) {
      throw new ConfigException.BadValue(config.getValue(key).origin(), key, "must be 0 or more, was " + value);
    }
    return value;
  }

  static List<String> stringList(Config config, String key) {
    if (config.getValue(key).valueType() == ConfigValueType.STRING) {
      return List.of(config.getString(key));
    }
    return config.getStringList(key);
  }

  /** A time-out: 0 or more ({@code 0} turns it off). */
  static Duration duration(Config config, String key) {
    Duration duration = config.getDuration(key);
    if (duration.isNegative()) {
      throw new ConfigException.BadValue(config.getValue(key).origin(), key, "must be 0 or more (0 turns it off), was "
          + config.getValue(key).unwrapped());
    }
    return duration;
  }

  /** Glob patterns, each checked here so that a typo is a configuration error, not a failed scan. */
  static List<String> globs(Config config, String key) {
    List<String> globs = stringList(config, key);
    for (String glob : globs) {
      checkGlob(glob, config.getValue(key).origin(), key);
    }
    return globs;
  }

  static void checkGlob(String glob, ConfigOrigin origin, String key) {
    try {
      java.nio.file.FileSystems.getDefault().getPathMatcher("glob:" + glob);
    } catch (java.util.regex.PatternSyntaxException e) {
      throw new ConfigException.BadValue(origin, key, "'" + glob + "' is not a valid glob: " + e.getDescription()
          + (e.getIndex() >= 0 ? " at position " + (e.getIndex() + 1) : ""));
    }
  }
}
