package dev.lanes.core;

import dev.lanes.spi.Coverage;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code coverage}: whether the run measures code coverage with JaCoCo, what, where the data and the reports go, and
 * the figures below which the run fails (Vitest's {@code coverage.thresholds}).
 *
 * @param enabled {@code --coverage}: measure, and report at the end of the run
 * @param includes class names to measure, JaCoCo's patterns ({@code com.acme.*})
 * @param excludes class names not to measure
 * @param reporters {@code text} (a table on the console), {@code html}, {@code xml} ({@code jacoco.xml}), {@code csv}
 * @param reportsDirectory where the reports go
 * @param dataFile JaCoCo's execution data; set without {@code enabled} (the Maven plugin does, for a build whose
 *     {@code argLine} holds JaCoCo's agent) the in-process pools collect into it and Lanes writes no report
 * @param lines the line coverage, in percent, below which the run fails
 * @param branches the branch coverage, in percent, below which the run fails
 */
public record CoverageSettings(boolean enabled, List<String> includes, List<String> excludes, List<String> reporters,
                               Path reportsDirectory, Optional<Path> dataFile, OptionalDouble lines,
                               OptionalDouble branches) {
  public CoverageSettings {
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    reporters = List.copyOf(reporters);
    Objects.requireNonNull(reportsDirectory, "reportsDirectory");
    dataFile = Objects.requireNonNullElse(dataFile, Optional.empty());
    lines = Objects.requireNonNullElse(lines, OptionalDouble.empty());
    branches = Objects.requireNonNullElse(branches, OptionalDouble.empty());
  }

  /** Coverage off. */
  public static CoverageSettings off(Path root) {
    return new CoverageSettings(false, List.of("*"), List.of(), List.of("text", "html", "xml"),
        root.resolve("target/lanes-coverage"), Optional.empty(), OptionalDouble.empty(), OptionalDouble.empty());
  }

  /** Where the execution data goes: {@code dataFile}, or {@code jacoco.exec} in the reports' folder. */
  public Path executionData() {
    return dataFile.orElse(reportsDirectory.resolve("jacoco.exec"));
  }

  /** What the pools are told when they measure: whenever coverage is on, or a data file was given. */
  public Optional<Coverage> collected() {
    return enabled || dataFile.isPresent() ? Optional.of(new Coverage(executionData(), includes, excludes))
        : Optional.empty();
  }
}
