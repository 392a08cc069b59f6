package dev.lanes.core.internal.reporters;

import dev.lanes.spi.ReporterOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
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
      throw new UncheckedIOException("the " + what.trim().replaceAll("\\s+", " ") + " cannot be written to " + file.toAbsolutePath() + ": "
          + reason(e), e);
    }
  }

  /** What went wrong, in words: the JDK's exceptions often carry only the path. */
  static String reason(IOException e) {
    if (e instanceof FileAlreadyExistsException already) {
      return already.getFile() + " is a file, not a folder";
    }
    if (e instanceof NotDirectoryException notFolder) {
      return notFolder.getFile() + " is not a folder";
    }
    if (e instanceof AccessDeniedException denied) {
      return "permission denied on " + denied.getFile();
    }
    if (e instanceof FileSystemException fs && fs.getReason() != null) {
      return fs.getReason() + (fs.getFile() == null ? "" : " (" + fs.getFile() + ")");
    }
    return String.valueOf(e.getMessage());
  }
}
