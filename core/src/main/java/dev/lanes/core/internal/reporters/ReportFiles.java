package dev.lanes.core.internal.reporters;

import dev.lanes.spi.ReporterOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** How file-writing reporters write: folders made, the file replaced whole (never half-written), where it went said. */
final class ReportFiles {
  private ReportFiles() {
  }

  /** Writes {@code content} to {@code file} and prints {@code "<what> written to <path>"} on the console. */
  static void write(ReporterOptions options, Path file, String content, String what) {
    writeQuietly(file, content, what);
    options.console().println(what + " written to " + ConsoleFormat.displayPath(options.root(), file));
  }

  /** Writes {@code content} to {@code file}, replacing it whole; says nothing. */
  static void writeQuietly(Path file, String content, String what) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path partial = file.resolveSibling(file.getFileName() + ".partial");
      Files.writeString(partial, content, StandardCharsets.UTF_8);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the " + what.trim() + " " + file, e);
    }
  }
}
