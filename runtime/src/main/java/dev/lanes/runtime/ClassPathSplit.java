package dev.lanes.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A test class path split where a pool loads the project's own classes apart from its libraries (a child loader for
 * class folders in forked workers, a fresh loader per file in the vm pools).
 *
 * <p>{@code own} holds the class folders, every jar with a class in one of their packages, and then every jar whose
 * classes use a class of those jars or folders (they could not see it from the parent loader); {@code libraries} holds
 * the other jars, in class path order. A class path whose jars share no package with the folders splits as folders
 * and jars, without reading a class file. A package split between two loaders is two runtime packages, so a test in
 * {@code com.acme} could no longer reach package-private members of a {@code com.acme} class in a jar (its library
 * under test, published as a jar); keeping such jars with the folders keeps what one class path gives.
 */
public record ClassPathSplit(List<Path> own, List<Path> libraries) {
  private static final Map<List<Path>, ClassPathSplit> SPLITS = new ConcurrentHashMap<>();
  private static final Map<List<Path>, ClassPathSplit> FRAMEWORK_SPLITS = new ConcurrentHashMap<>();
  /** The test framework's packages: the JUnit Platform, its engines and APIs, and the two libraries its API uses. */
  private static final List<String> FRAMEWORK = List.of("org/junit/platform", "org/junit/jupiter", "org/opentest4j",
      "org/apiguardian");

  public ClassPathSplit {
    own = List.copyOf(own);
    libraries = List.copyOf(libraries);
  }

  /** The split of {@code classpath}, worked out once per class path (from the jars' class files). */
  public static ClassPathSplit of(List<Path> classpath) {
    return SPLITS.computeIfAbsent(List.copyOf(classpath), ClassPathSplit::split);
  }

  /**
   * The split of {@code classpath} where only the test framework stays loaded (the threads pool with
   * {@code isolate = true}): {@code libraries} holds the jars of the JUnit Platform, Jupiter, opentest4j and
   * apiguardian, then every jar whose classes those use (the framework could not see them from a parent loader) or
   * that shares a package with them, until none is left; {@code own} holds everything else, the project's
   * dependencies included, in class path order. Worked out once per class path, from the framework jars' class files.
   */
  public static ClassPathSplit testFramework(List<Path> classpath) {
    return FRAMEWORK_SPLITS.computeIfAbsent(List.copyOf(classpath), ClassPathSplit::splitFramework);
  }

  private static ClassPathSplit splitFramework(List<Path> classpath) {
    Map<Path, Set<String>> declared = new HashMap<>();
    for (Path entry : classpath) {
      if (Files.isRegularFile(entry)) {
        declared.put(entry, JarPackages.declared(entry));
      }
    }
    Set<Path> framework = new HashSet<>();
    Set<String> reached = new HashSet<>(); // the packages the framework declares or uses
    for (boolean moved = true; moved; ) {
      moved = false;
      for (Map.Entry<Path, Set<String>> jar : declared.entrySet()) {
        if (!framework.contains(jar.getKey())
            && jar.getValue().stream().anyMatch(p -> isFramework(p) || reached.contains(p))) {
          framework.add(jar.getKey());
          JarPackages read = JarPackages.read(jar.getKey());
          reached.addAll(read.declared());
          reached.addAll(read.used());
          moved = true;
        }
      }
    }
    List<Path> rest = new ArrayList<>();
    List<Path> kept = new ArrayList<>();
    for (Path entry : classpath) {
      (framework.contains(entry) ? kept : rest).add(entry);
    }
    return new ClassPathSplit(rest, kept);
  }

  private static boolean isFramework(String packageName) {
    for (String prefix : FRAMEWORK) {
      if (packageName.equals(prefix) || packageName.startsWith(prefix + "/")) {
        return true;
      }
    }
    return false;
  }

  private static ClassPathSplit split(List<Path> classpath) {
    Set<String> ownPackages = new HashSet<>();
    Set<Path> own = new HashSet<>();
    for (Path entry : classpath) {
      if (Files.isDirectory(entry)) {
        ownPackages.addAll(folderPackages(entry));
        own.add(entry);
      }
    }
    ownPackages.remove(""); // the unnamed package: no jar's business
    Map<Path, Set<String>> declared = new HashMap<>();
    for (Path entry : classpath) {
      if (!own.contains(entry) && Files.isRegularFile(entry)) {
        declared.put(entry, JarPackages.declared(entry));
      }
    }
    // the usual class path splits no package: its jars' class files need no reading
    if (declared.values().stream().anyMatch(packages -> packages.stream().anyMatch(ownPackages::contains))) {
      Map<Path, JarPackages> jars = new HashMap<>();
      declared.keySet().forEach(jar -> jars.put(jar, JarPackages.read(jar)));
      // a jar that shares a package with the own classes, or uses one of them, joins them: until none is left
      for (boolean moved = true; moved; ) {
        moved = false;
        for (Map.Entry<Path, JarPackages> jar : jars.entrySet()) {
          if (!own.contains(jar.getKey()) && jar.getValue().touches(ownPackages)) {
            own.add(jar.getKey());
            ownPackages.addAll(jar.getValue().declared());
            moved = true;
          }
        }
      }
    }
    List<Path> ownInOrder = new ArrayList<>();
    List<Path> libraries = new ArrayList<>();
    for (Path entry : classpath) {
      (own.contains(entry) ? ownInOrder : libraries).add(entry);
    }
    return new ClassPathSplit(ownInOrder, libraries);
  }

  private static Set<String> folderPackages(Path folder) {
    Set<String> packages = new HashSet<>();
    try (Stream<Path> files = Files.walk(folder)) {
      files.filter(f -> f.getFileName().toString().endsWith(".class")).forEach(f -> {
        Path parent = folder.relativize(f).getParent();
        packages.add(parent == null ? "" : parent.toString().replace(f.getFileSystem().getSeparator(), "/"));
      });
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list the class folder " + folder, e);
    }
    return packages;
  }

  /** The packages a jar's classes are in, and the packages of the classes they use (read from constant pools). */
  record JarPackages(Set<String> declared, Set<String> used) {
    boolean touches(Set<String> packages) {
      return declared.stream().anyMatch(packages::contains) || used.stream().anyMatch(packages::contains);
    }

    /** The packages of a jar's classes, from its directory alone. */
    static Set<String> declared(Path jar) {
      Set<String> declared = new HashSet<>();
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        for (ZipEntry entry : Collections.list(zip.entries())) {
          if (isClass(entry.getName())) {
            declared.add(packageOf(entry.getName()));
          }
        }
      } catch (IOException e) {
        // not a readable jar: the loader will say so when a class is wanted from it
      }
      declared.remove("");
      return declared;
    }

    static JarPackages read(Path jar) {
      Set<String> declared = new HashSet<>();
      Set<String> used = new HashSet<>();
      try (ZipFile zip = new ZipFile(jar.toFile())) {
        for (ZipEntry entry : Collections.list(zip.entries())) {
          String name = entry.getName();
          if (!isClass(name)) {
            continue;
          }
          declared.add(packageOf(name));
          try (InputStream in = zip.getInputStream(entry)) {
            for (String named : ClassReferences.namedClasses(in.readAllBytes())) {
              used.add(packageOf(named.replace('.', '/')));
            }
          }
        }
      } catch (IOException e) {
        // not a readable jar: nothing of it is known, and the loader will say so when a class is wanted from it
      }
      declared.remove("");
      return new JarPackages(declared, used);
    }
  }

  private static boolean isClass(String entry) {
    return entry.endsWith(".class") && !entry.startsWith("META-INF/") && !entry.endsWith("module-info.class");
  }

  static String packageOf(String internalName) {
    int slash = internalName.lastIndexOf('/');
    return slash < 0 ? "" : internalName.substring(0, slash);
  }
}
