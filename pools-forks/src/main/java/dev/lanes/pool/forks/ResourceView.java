package dev.lanes.pool.forks;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the system class loader of a vmForks worker sees of the project's class folders: their resources, not their
 * classes. A test that asks {@code ClassLoader.getSystemClassLoader()} for a test resource finds it, as under
 * Surefire; but the classes stay with each file's own loader, so no library that resolves a class through the system
 * loader gets a second copy of a project class that is not the test's. The view is a folder of symbolic links to the
 * resources (a folder that holds no class at all is linked as a whole), in the temporary folder — not in the project,
 * where a test that walks its module would meet the links — readable by this user only, made once per run and deleted
 * with the pool; one left by a run that was killed is deleted by the next.
 */
final class ResourceView {
  private static final String PREFIX = "lanes-resources-";

  private final Path folder;

  private ResourceView(Path folder) {
    this.folder = folder;
  }

  /** The view of {@code folders} (the first holding a resource wins, as on a class path), in the temporary folder. */
  static ResourceView of(List<Path> folders) throws IOException {
    Path view = RunFolders.create(PREFIX);
    for (Path source : folders) {
      if (Files.isDirectory(source)) {
        link(source, view);
      }
    }
    return new ResourceView(view);
  }

  Path folder() {
    return folder;
  }

  void delete() {
    RunFolders.deleteTree(folder);
  }

  private static void link(Path source, Path target) throws IOException {
    try (Stream<Path> children = Files.list(source)) {
      for (Path child : (Iterable<Path>) children::iterator) {
        Path linked = target.resolve(child.getFileName().toString());
        if (Files.isDirectory(child)) {
          if (!holdsClasses(child) && !Files.exists(linked, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            symlink(linked, child);
          } else if (!Files.exists(linked, java.nio.file.LinkOption.NOFOLLOW_LINKS)
              || Files.isDirectory(linked, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(linked);
            link(child, linked);
          }
        } else if (!child.getFileName().toString().endsWith(".class")) {
          symlink(linked, child);
        }
      }
    }
  }

  private static void symlink(Path link, Path to) throws IOException {
    try {
      Files.createSymbolicLink(link, to.toAbsolutePath());
    } catch (FileAlreadyExistsException e) {
      // an earlier folder holds the same name: it comes first on a class path too
    } catch (UnsupportedOperationException | IOException e) {
      if (Files.isRegularFile(to) && !Files.exists(link)) {
        Files.copy(to, link); // no symbolic links here: a copy
      }
    }
  }

  private static boolean holdsClasses(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".class"));
    }
  }
}
