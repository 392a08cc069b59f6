package dev.lanes.core.internal.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/**
 * The files of the watched folders as last seen. A scan reads again only the files whose size or time changed,
 * and reports a file as changed only if its bytes did: a build that recompiles a whole module rewrites every
 * class file, but only the classes whose source changed come out different.
 */
public final class FolderSnapshot {
  /** A file that changed: where, the class it holds (empty for a resource), its new bytes (empty when removed). */
  public record Change(Path file, Optional<String> className, Optional<byte[]> bytes) {
    public boolean removed() {
      return bytes.isEmpty();
    }
  }

  private record Seen(long size, long modified, long checksum) {
  }

  private final List<Path> folders;
  private final Map<Path, Seen> seen = new HashMap<>();
  private final Map<Path, Path> folderOf = new HashMap<>();
  private final Map<Path, Long> settled = new HashMap<>();

  public FolderSnapshot(List<Path> folders) {
    this.folders = List.copyOf(folders);
  }

  public List<Path> folders() {
    return folders;
  }

  /**
   * The files that changed since the last scan; the first scan gives every file (the graph is built from it).
   * Pass what scans report to {@link #settle} once the folders are quiet.
   */
  public synchronized List<Change> scan() {
    List<Change> changes = new ArrayList<>();
    Map<Path, Path> now = new HashMap<>();
    for (Path folder : folders) {
      Optional<List<Path>> listed = files(folder);
      if (listed.isEmpty()) { // the folder changed under the walk: keep what was known, the next scan looks again
        folderOf.forEach((file, in) -> {
          if (in.equals(folder)) {
            now.put(file, folder);
          }
        });
        continue;
      }
      for (Path file : listed.get()) {
        now.put(file, folder);
        try {
          BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
          Seen before = seen.get(file);
          long modified = attributes.lastModifiedTime().toMillis();
          if (before != null && before.size() == attributes.size() && before.modified() == modified) {
            continue;
          }
          byte[] bytes = Files.readAllBytes(file);
          long checksum = checksum(bytes);
          seen.put(file, new Seen(bytes.length, modified, checksum));
          if (before == null || before.checksum() != checksum) {
            changes.add(new Change(file, className(folder, file), Optional.of(bytes)));
          }
        } catch (NoSuchFileException e) {
          now.remove(file); // gone between the listing and the read: the next scan sees it removed
        } catch (IOException e) {
          // being written: the next scan reads it
        }
      }
    }
    for (Map.Entry<Path, Path> known : new ArrayList<>(folderOf.entrySet())) {
      if (!now.containsKey(known.getKey())) {
        seen.remove(known.getKey());
        changes.add(new Change(known.getKey(), className(known.getValue(), known.getKey()), Optional.empty()));
      }
    }
    folderOf.clear();
    folderOf.putAll(now);
    return changes;
  }

  /**
   * Of the changes a scan or several reported, those that left a file different from when the folders last
   * settled, and takes them as the new settled state. A file caught half-written by one scan and whole by the
   * next comes out as it was, and is no change; nor is a file made and removed again in between.
   */
  public synchronized List<Change> settle(java.util.Collection<Change> changes) {
    Map<Path, Change> latest = new java.util.LinkedHashMap<>();
    changes.forEach(change -> latest.put(change.file(), change)); // a file seen several times: as it is now
    List<Change> real = new ArrayList<>();
    for (Change change : latest.values()) {
      if (change.removed()) {
        if (settled.remove(change.file()) != null) {
          real.add(change);
        }
      } else {
        Long before = settled.put(change.file(), checksum(change.bytes().get()));
        if (before == null || before != checksum(change.bytes().get())) {
          real.add(change);
        }
      }
    }
    return real;
  }

  private static Optional<List<Path>> files(Path folder) {
    if (!Files.isDirectory(folder)) {
      return Optional.of(List.of()); // not built yet, or cleaned: its files come back with the next build
    }
    try (Stream<Path> walk = Files.walk(folder)) {
      return Optional.of(walk.filter(Files::isRegularFile).toList());
    } catch (IOException | UncheckedIOException e) {
      return Optional.empty();
    }
  }

  private static Optional<String> className(Path folder, Path file) {
    String relative = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    if (!relative.endsWith(".class") || relative.endsWith("module-info.class") || relative.endsWith("package-info.class")) {
      return Optional.empty();
    }
    return Optional.of(relative.substring(0, relative.length() - ".class".length()).replace('/', '.'));
  }

  private static long checksum(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }
}
