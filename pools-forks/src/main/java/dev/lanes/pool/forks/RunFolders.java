package dev.lanes.pool.forks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The pool's folders in the temporary folder (workers' channels, resource views): private to this user, named after
 * the JVM that made them ({@code <prefix><pid>-<random>}) so that the first run after one that was killed
 * ({@code kill -9}, a crash) deletes what that run could not.
 */
final class RunFolders {
  private static final Set<String> CLEANED = ConcurrentHashMap.newKeySet();

  private RunFolders() {
  }

  /** A new private folder named {@code <prefix><this JVM's pid>-…}; the first of a prefix clears dead runs' ones. */
  static Path create(String prefix) throws IOException {
    Path temp = Path.of(System.getProperty("java.io.tmpdir"));
    if (CLEANED.add(prefix)) {
      deleteLeftOvers(temp, prefix);
    }
    return Files.createTempDirectory(prefix + ProcessHandle.current().pid() + "-",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
  }

  /** Deletes {@code folder} and what it holds, without following links (a view's links point into the project). */
  static void deleteTree(Path folder) {
    if (folder == null || !Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      paths.sorted(Comparator.reverseOrder()).forEach(path -> {
        try {
          Files.deleteIfExists(path);
        } catch (IOException e) {
          // left for the next run
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // left for the next run
    }
  }

  /** Folders of {@code prefix} whose JVM is gone (killed before it could delete its own). */
  static void deleteLeftOvers(Path temp, String prefix) {
    try (Stream<Path> folders = Files.list(temp)) {
      folders.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isWritable(p)).forEach(folder -> {
        String[] parts = folder.getFileName().toString().substring(prefix.length()).split("-");
        try {
          long pid = Long.parseLong(parts[0]);
          if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true)) {
            deleteTree(folder);
          }
        } catch (NumberFormatException e) {
          // not one of ours
        }
      });
    } catch (IOException | UncheckedIOException e) {
      // left for the next run
    }
  }
}
