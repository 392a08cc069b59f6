package dev.lanes.spi;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a reporter is given: the console (the one stream a reporter may print to), whether it is
 * an interactive terminal, the root folder, and the file to write when {@code outputFile} names one.
 */
public record ReporterOptions(PrintStream console, boolean interactive, Path root, Optional<Path> outputFile) {
  public ReporterOptions {
    Objects.requireNonNull(console, "console");
    Objects.requireNonNull(root, "root");
    outputFile = Optional.ofNullable(outputFile).flatMap(f -> f);
  }
}
