package dev.lanes.core;

import java.util.Objects;

/** A value given on the command line, e.g. {@code --pool forks} as ("pool", "forks", "--pool"); errors name the option. */
public record ConfigOverride(String key, Object value, String option) {
  public ConfigOverride {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(option, "option");
  }
}
