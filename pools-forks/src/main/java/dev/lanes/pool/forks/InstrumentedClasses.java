package dev.lanes.pool.forks;

import dev.lanes.spi.Coverage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jacoco.core.instr.Instrumenter;
import org.jacoco.core.runtime.OfflineInstrumentationAccessGenerator;

/**
 * Coverage in worker JVMs without JaCoCo's agent: the project's measured classes, instrumented in the host with
 * JaCoCo's own {@link Instrumenter} for offline use, in a private folder that workers load in front of the class
 * folders; the probes report to JaCoCo's agent runtime jar on the worker's class path (no {@code -javaagent}), which
 * appends to the run's data file. A worker JVM then starts as fast as without coverage — the class-data archive
 * whole, no agent to start, nothing else instrumented — where the agent cost about 0.7 s per JVM (measured in
 * docs/benchmarks.md). JaCoCo keys a class's data by the id of its original bytes, so reports made from the class
 * folders match. Kept up to date with the folders (a watch rerun recompiles them): a class is instrumented again when
 * its file changed, and removed when its file was.
 */
final class InstrumentedClasses {
  private static final String PREFIX = "lanes-coverage-";

  private final List<Path> folders;
  private final Coverage coverage;
  private final Consumer<String> warn;
  private final Path folder;
  private final Instrumenter instrumenter = new Instrumenter(new OfflineInstrumentationAccessGenerator());
  /** What each instrumented class was made from: its relative path, and the original's time and size. */
  private final Map<String, String> made = new HashMap<>();
  private final Set<String> warned = new HashSet<>();

  private InstrumentedClasses(List<Path> folders, Coverage coverage, Consumer<String> warn, Path folder) {
    this.folders = List.copyOf(folders);
    this.coverage = coverage;
    this.warn = warn;
    this.folder = folder;
  }

  /** A private folder for the instrumented classes of {@code folders}, in the temporary folder; filled by {@link #refresh}. */
  static InstrumentedClasses of(List<Path> folders, Coverage coverage, Consumer<String> warn) throws IOException {
    return new InstrumentedClasses(folders, coverage, warn, RunFolders.create(PREFIX));
  }

  /** The folder, up to date with the class folders: a worker loads it in front of them. */
  synchronized Path refresh() throws IOException {
    Map<String, String> seen = new HashMap<>();
    for (Path source : folders) {
      if (!Files.isDirectory(source)) {
        continue;
      }
      List<Path> classes;
      try (Stream<Path> files = Files.walk(source)) {
        classes = files.filter(f -> f.getFileName().toString().endsWith(".class")).toList();
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      for (Path file : classes) {
        String relative = source.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
        if (seen.containsKey(relative) || relative.startsWith("META-INF/") || relative.endsWith("module-info.class")) {
          continue; // the first folder holding a class wins, as on a class path
        }
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        String stamp = attributes.lastModifiedTime().toMillis() + ":" + attributes.size();
        seen.put(relative, stamp);
        if (!stamp.equals(made.get(relative))) {
          instrument(file, relative);
          made.put(relative, stamp);
        }
      }
    }
    for (String gone : new ArrayList<>(made.keySet())) {
      if (!seen.containsKey(gone)) {
        Files.deleteIfExists(folder.resolve(gone));
        made.remove(gone);
      }
    }
    return folder;
  }

  void delete() {
    RunFolders.deleteTree(folder);
  }

  private void instrument(Path file, String relative) throws IOException {
    String className = relative.substring(0, relative.length() - ".class".length()).replace('/', '.');
    Path target = folder.resolve(relative);
    if (!coverage.measures(className)) {
      Files.deleteIfExists(target); // measured before, and no longer
      return;
    }
    byte[] instrumented;
    try {
      instrumented = instrumenter.instrument(Files.readAllBytes(file), className);
    } catch (IOException | RuntimeException e) {
      if (warned.add(className)) {
        warn.accept("JaCoCo cannot instrument " + className + " (" + e.getMessage() + "); it runs without coverage");
      }
      Files.deleteIfExists(target);
      return;
    }
    Files.createDirectories(target.getParent());
    Files.write(target, instrumented);
  }
}
