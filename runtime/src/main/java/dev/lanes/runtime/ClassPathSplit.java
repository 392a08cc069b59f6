package dev.lanes.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * <p>{@code own} holds the class folders and every jar that has a class in one of their packages; {@code libraries}
 * the other jars, in class path order. A package split between two loaders is two runtime packages, so a test in
 * {@code com.acme} could no longer reach package-private members of a {@code com.acme} class in a jar (its library
 * under test, published as a jar); keeping such jars with the folders keeps what one class path gives.
 */
public record ClassPathSplit(List<Path> own, List<Path> libraries) {
  private static final Map<List<Path>, ClassPathSplit> SPLITS = new ConcurrentHashMap<>();

  public ClassPathSplit {
    own = List.copyOf(own);
    libraries = List.copyOf(libraries);
  }

  /** The split of {@code classpath}, worked out once per class path (packages are read from the jars' directories). */
  public static ClassPathSplit of(List<Path> classpath) {
    return SPLITS.computeIfAbsent(List.copyOf(classpath), ClassPathSplit::split);
  }

  private static ClassPathSplit split(List<Path> classpath) {
    Set<String> folderPackages = new HashSet<>();
    for (Path entry : classpath) {
      if (Files.isDirectory(entry)) {
        folderPackages.addAll(folderPackages(entry));
      }
    }
    List<Path> own = new ArrayList<>();
    List<Path> libraries = new ArrayList<>();
    for (Path entry : classpath) {
      if (Files.isDirectory(entry) || (!folderPackages.isEmpty() && sharesAPackage(entry, folderPackages))) {
        own.add(entry);
      } else {
        libraries.add(entry);
      }
    }
    return new ClassPathSplit(own, libraries);
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

  /** Whether a jar has a class in one of {@code packages} (a file that is no jar shares none). */
  private static boolean sharesAPackage(Path jar, Set<String> packages) {
    if (!Files.isRegularFile(jar)) {
      return false;
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return zip.stream().map(ZipEntry::getName)
          .filter(name -> name.endsWith(".class") && !name.startsWith("META-INF/"))
          .map(name -> name.lastIndexOf('/') < 0 ? "" : name.substring(0, name.lastIndexOf('/')))
          .anyMatch(packages::contains);
    } catch (IOException e) {
      return false; // not a readable jar: the loader will say so when a class is wanted from it
    }
  }
}
