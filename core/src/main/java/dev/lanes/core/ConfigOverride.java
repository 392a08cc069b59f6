package dev.lanes.core;

import java.util.Objects;

/**
 * A value given on the command line, e.g. {@code --pool forks} as ("pool", "forks", "--pool"), or by a build tool;
 * errors name the option: an option starting with {@code -} is a command-line option, any other text names where the
 * value came from as it is (the Maven plugin's "{@code <pool>} of lanes-maven-plugin in pom.xml").
 */
public record ConfigOverride(String key, Object value, String option) {
  public ConfigOverride {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(option, "option");
  }

  /** Where the value came from, as errors say it. */
  public String origin() {
    return option.startsWith("-") ? "command-line option " + option : option;
  }
}
