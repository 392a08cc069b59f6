package dev.lanes.spi;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a reporter is given: the console (the one stream a reporter may print to), whether it is
 * an interactive terminal, the root folder, the file to write when {@code outputFile} names one, the shard this
 * run is ({@code "1/3"}), the seed of a shuffled order (reporters that print a header show it, so the order can
 * be replayed), and, when the run measures coverage, the file of JaCoCo's execution data (complete once the run ends).
 */
public record ReporterOptions(PrintStream console, boolean interactive, Path root, Optional<Path> outputFile,
                              Optional<String> shard, OptionalLong seed, Optional<Path> coverageData) {
  public ReporterOptions {
    Objects.requireNonNull(console, "console");
    Objects.requireNonNull(root, "root");
    outputFile = Optional.ofNullable(outputFile).flatMap(f -> f);
    shard = Optional.ofNullable(shard).flatMap(s -> s);
    seed = seed == null ? OptionalLong.empty() : seed;
    coverageData = Optional.ofNullable(coverageData).flatMap(c -> c);
  }

  /** Options of a run without coverage. */
  public ReporterOptions(PrintStream console, boolean interactive, Path root, Optional<Path> outputFile,
                         Optional<String> shard, OptionalLong seed) {
    this(console, interactive, root, outputFile, shard, seed, Optional.empty());
  }

  /** Options of a run that is neither a shard nor shuffled. */
  public ReporterOptions(PrintStream console, boolean interactive, Path root, Optional<Path> outputFile) {
    this(console, interactive, root, outputFile, Optional.empty(), OptionalLong.empty());
  }

  /** The same options with another output file. */
  public ReporterOptions withOutputFile(Optional<Path> file) {
    return new ReporterOptions(console, interactive, root, file, shard, seed, coverageData);
  }
}
