package dev.lanes.core;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A resolved configuration: the projects, the reporters with their output files, and the raw
 * configuration (for {@code poolOptions}, converted by each pool into its own type), and the problems found
 * so far, reported together with those found when the pools are created; the settings of the whole run; code
 * coverage; and warnings (a class path entry that does not exist), printed when the run starts.
 */
public record LanesConfig(Path root, List<ProjectConfig> projects, List<String> reporters,
                          Map<String, Path> outputFiles, Config raw, List<String> problems, RunSettings settings,
                          CoverageSettings coverage, List<String> warnings) {
  public LanesConfig {
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(settings, "settings");
    projects = List.copyOf(projects);
    reporters = List.copyOf(reporters);
    outputFiles = Map.copyOf(outputFiles);
    problems = List.copyOf(problems);
    Objects.requireNonNull(coverage, "coverage");
    warnings = List.copyOf(warnings);
  }

  /** A configuration without warnings. */
  public LanesConfig(Path root, List<ProjectConfig> projects, List<String> reporters, Map<String, Path> outputFiles,
                     Config raw, List<String> problems, RunSettings settings, CoverageSettings coverage) {
    this(root, projects, reporters, outputFiles, raw, problems, settings, coverage, List.of());
  }

  /** A configuration without coverage. */
  public LanesConfig(Path root, List<ProjectConfig> projects, List<String> reporters, Map<String, Path> outputFiles,
                     Config raw, List<String> problems, RunSettings settings) {
    this(root, projects, reporters, outputFiles, raw, problems, settings, CoverageSettings.off(root));
  }

  /** The file a reporter writes to: its own entry, or the one path given for all. */
  public Optional<Path> outputFile(String reporter) {
    return Optional.ofNullable(outputFiles.getOrDefault(reporter, outputFiles.get("*")));
  }
}
