package dev.lanes.core.internal.watch;

import dev.lanes.spi.TestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which test files a set of changed files reaches, as watch mode decides it: a changed source file is its classes
 * (the top-level class its path and {@code package} line name, and that class's nested ones), and a test class runs
 * when it uses one of them, directly or through other classes, by the constant pools of the compiled classes
 * ({@link ClassGraph}); a source file a pool takes as a file of its own (a type test, a JS module) runs when it
 * changed. A changed build file, resource or {@code lanes.conf} runs everything, as watch mode does. Other files
 * (documents, CI files) change nothing.
 */
public final class ChangeReach {
  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
  private static final Set<String> SOURCES = Set.of("java", "kt", "groovy", "scala");
  private static final Set<String> SOURCE_ROOTS = Set.of("java", "kotlin", "groovy", "scala");
  private static final Set<String> BUILD_FILES = Set.of("pom.xml", "build.gradle", "build.gradle.kts",
      "settings.gradle", "settings.gradle.kts", "gradle.properties", "lanes.conf", "build.xml");

  private ChangeReach() {
  }

  /**
   * The files to run and why: each reached file with the changes that reach it; or, when a change runs everything,
   * every file and that change ({@code everything}). {@code ignored}: changed files that reach no test.
   */
  public record Result(List<TestSpecification> files, Map<String, List<String>> why, Optional<String> everything,
                       List<String> ignored, int changed) {
    public Result {
      files = List.copyOf(files);
      why = Map.copyOf(why);
      ignored = List.copyOf(ignored);
    }
  }

  /**
   * What {@code changed} (absolute paths) reaches among {@code specs}, with the classes of {@code classFolders};
   * paths are shown relative to {@code root}.
   */
  public static Result of(List<Path> changed, List<TestSpecification> specs, List<Path> classFolders, Path root) {
    List<String> ignored = new ArrayList<>();
    Map<String, String> changedClasses = new LinkedHashMap<>(); // class name -> the source that changed it
    List<Path> changedFiles = new ArrayList<>();
    for (Path file : changed) {
      String shown = shown(root, file);
      String name = file.getFileName().toString();
      if (BUILD_FILES.contains(name) || isResource(file, classFolders)) {
        return new Result(specs, Map.of(), Optional.of(shown + " changed (a build file, resource or lanes.conf: every"
            + " test file runs)"), List.of(), changed.size());
      }
      String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
      if (SOURCES.contains(extension)) {
        className(file).ifPresent(className -> changedClasses.putIfAbsent(className, shown));
        changedFiles.add(file);
      } else if (specs.stream().anyMatch(spec -> ownFile(spec, file))) {
        changedFiles.add(file);
      } else {
        ignored.add(shown);
      }
    }
    ClassGraph graph = graph(classFolders);
    Map<String, Set<String>> reasons = new LinkedHashMap<>();
    changedClasses.forEach((className, source) -> {
      Set<String> classes = new LinkedHashSet<>(List.of(className));
      graph.classes().stream().filter(name -> name.startsWith(className + "$")).forEach(classes::add);
      for (String reached : graph.dependents(classes)) {
        reasons.computeIfAbsent(reached, r -> new LinkedHashSet<>()).add(source);
      }
    });
    List<TestSpecification> files = new ArrayList<>();
    Map<String, List<String>> why = new LinkedHashMap<>();
    for (TestSpecification spec : specs) {
      Set<String> because = new LinkedHashSet<>(reasons.getOrDefault(spec.moduleId(), Set.of()));
      changedFiles.stream().filter(file -> ownFile(spec, file)).forEach(file -> because.add(shown(root, file)));
      if (!because.isEmpty()) {
        files.add(spec);
        why.put(spec.fileId(), List.copyOf(because));
      }
    }
    return new Result(files, why, Optional.empty(), ignored, changed.size());
  }

  /** A file a source pool takes as it is (its module id is its path below the project's root). */
  private static boolean ownFile(TestSpecification spec, Path file) {
    return spec.project().root().resolve(spec.moduleId()).normalize().equals(file);
  }

  /** A resource: below a {@code resources} folder of a source tree, or in a class folder itself. */
  private static boolean isResource(Path file, List<Path> classFolders) {
    for (Path part : file) {
      if (part.toString().equals("resources")) {
        return true;
      }
    }
    return classFolders.stream().anyMatch(folder -> file.startsWith(folder) && !file.toString().endsWith(".class"));
  }

  /** The top-level class a source file holds: its package line and its name, or, deleted, its path below a source root. */
  static Optional<String> className(Path file) {
    String simple = file.getFileName().toString();
    simple = simple.substring(0, simple.lastIndexOf('.'));
    if (Files.isRegularFile(file)) {
      try {
        Matcher matcher = PACKAGE.matcher(Files.readString(file));
        return Optional.of(matcher.find() ? matcher.group(1) + "." + simple : simple);
      } catch (IOException | UncheckedIOException e) {
        // unreadable: by its path, as a deleted one
      }
    }
    List<String> parts = new ArrayList<>();
    file.forEach(part -> parts.add(part.toString()));
    for (int i = parts.size() - 2; i >= 0; i--) {
      if (SOURCE_ROOTS.contains(parts.get(i))) {
        String inPackage = String.join(".", parts.subList(i + 1, parts.size() - 1));
        return Optional.of(inPackage.isEmpty() ? simple : inPackage + "." + simple);
      }
    }
    return Optional.empty();
  }

  private static ClassGraph graph(List<Path> classFolders) {
    ClassGraph graph = new ClassGraph();
    for (Path folder : classFolders) {
      if (!Files.isDirectory(folder)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(folder)) {
        files.filter(file -> file.toString().endsWith(".class")).forEach(file -> {
          String relative = folder.relativize(file).toString();
          String name = relative.substring(0, relative.length() - ".class".length()).replace(file.getFileSystem()
              .getSeparator(), ".");
          if (!name.endsWith("module-info") && !name.endsWith("package-info")) {
            try {
              graph.put(name, Files.readAllBytes(file));
            } catch (IOException e) {
              // a class file that cannot be read uses nothing
            }
          }
        });
      } catch (IOException e) {
        // a folder that cannot be walked holds nothing for the graph
      }
    }
    return graph;
  }

  private static String shown(Path root, Path file) {
    return file.startsWith(root) ? root.relativize(file).toString() : file.toString();
  }
}
