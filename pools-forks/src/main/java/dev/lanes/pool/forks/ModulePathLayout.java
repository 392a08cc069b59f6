package dev.lanes.pool.forks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Tests of a project with a {@code module-info.class} in its main classes, run as Surefire runs them
 * ({@code useModulePath}, its default): the main classes are a named module on the module path with the modules they
 * require, the test classes are patched into it ({@code --patch-module}), it reads the class path where the test
 * framework is ({@code --add-reads ...=ALL-UNNAMED}) and opens the test packages to it, and everything else stays on
 * the class path. So {@code getClass().getModule().getName()} in a test is the module's name, and the module's
 * encapsulation holds.
 *
 * @param moduleName the main module's name
 * @param modulePath the main classes' folder, then the jars of the modules it requires, transitively
 * @param classpath the rest of the test class path, in order
 * @param flags the JVM flags that make the arrangement
 */
record ModulePathLayout(String moduleName, List<Path> modulePath, List<Path> classpath, List<String> flags) {

  /**
   * The layout of {@code classpath} whose class folders are {@code folders}, when one of them holds a
   * {@code module-info.class}; empty for a project on the class path alone, or one whose module cannot be resolved from
   * its jars ({@code problem} hears why).
   */
  static Optional<ModulePathLayout> of(List<Path> classpath, List<Path> folders, java.util.function.Consumer<String> problem) {
    Optional<Path> main = folders.stream().filter(f -> Files.isRegularFile(f.resolve("module-info.class"))).findFirst();
    if (main.isEmpty()) {
      return Optional.empty();
    }
    ModuleDescriptor descriptor;
    try (InputStream in = Files.newInputStream(main.get().resolve("module-info.class"))) {
      descriptor = ModuleDescriptor.read(in);
    } catch (IOException | RuntimeException e) {
      problem.accept(main.get() + "/module-info.class cannot be read (" + e.getMessage() + "); the tests run on the class path");
      return Optional.empty();
    }
    List<Path> jars = classpath.stream().filter(Files::isRegularFile).map(p -> p.toAbsolutePath().normalize()).toList();
    Set<Path> required;
    try {
      required = required(main.get(), descriptor.name(), jars);
    } catch (FindException | ResolutionException e) {
      problem.accept("module " + descriptor.name() + " cannot be resolved from the test class path (" + e.getMessage()
          + "); the tests run on the class path");
      return Optional.empty();
    }
    List<Path> modulePath = new ArrayList<>(List.of(main.get()));
    jars.stream().filter(required::contains).forEach(modulePath::add);
    List<Path> rest = classpath.stream().filter(e -> !modulePath.contains(e.toAbsolutePath().normalize()))
        .filter(e -> !folders.contains(e)).toList();
    List<Path> tests = folders.stream().filter(f -> !f.equals(main.get())).toList();
    List<String> flags = new ArrayList<>(List.of("--module-path", join(modulePath), "--add-modules", descriptor.name(),
        "--add-reads", descriptor.name() + "=ALL-UNNAMED"));
    if (!tests.isEmpty()) {
      flags.add("--patch-module");
      flags.add(descriptor.name() + "=" + join(tests));
    }
    Set<String> packages = new TreeSet<>(); // the test packages, which the test framework reflects on
    tests.forEach(folder -> packages.addAll(packagesOf(folder)));
    for (String pkg : packages) {
      flags.add("--add-opens");
      flags.add(descriptor.name() + "/" + pkg + "=ALL-UNNAMED");
    }
    return Optional.of(new ModulePathLayout(descriptor.name(), modulePath, rest, flags));
  }

  /** The jars among {@code jars} that hold modules {@code name} requires, transitively (its own folder aside). */
  private static Set<Path> required(Path main, String name, List<Path> jars) {
    List<Path> candidates = new ArrayList<>(List.of(main));
    for (Path jar : jars) {
      try {
        if (!ModuleFinder.of(jar).findAll().isEmpty()) {
          candidates.add(jar); // a jar that is no module, not even an automatic one (an invalid name), stays on the class path
        }
      } catch (FindException e) {
        // as said
      }
    }
    ModuleFinder finder = ModuleFinder.of(candidates.toArray(Path[]::new));
    Configuration configuration = ModuleLayer.boot().configuration().resolve(finder, ModuleFinder.of(), Set.of(name));
    Set<Path> required = new LinkedHashSet<>();
    for (ResolvedModule module : configuration.modules()) {
      ModuleReference reference = module.reference();
      reference.location().map(Path::of).map(p -> p.toAbsolutePath().normalize()).filter(p -> !p.equals(main))
          .ifPresent(required::add);
    }
    return required;
  }

  private static Set<String> packagesOf(Path folder) {
    Set<String> packages = new TreeSet<>();
    try (Stream<Path> files = Files.walk(folder)) {
      files.filter(f -> f.toString().endsWith(".class")).map(folder::relativize).map(Path::getParent)
          .filter(java.util.Objects::nonNull).forEach(dir -> packages.add(dir.toString().replace(folder.getFileSystem()
              .getSeparator(), ".")));
    } catch (IOException | UncheckedIOException e) {
      // a folder that cannot be read adds no packages
    }
    return packages;
  }

  private static String join(List<Path> paths) {
    return String.join(java.io.File.pathSeparator, paths.stream().map(Path::toString).toList());
  }
}
