package dev.lanes.testkit;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Class path entries a pool's own tests hand to {@link PoolTestKit}: their fixtures' folder and the JUnit jars. */
public final class TestClasspath {
  private static final List<String> JUPITER = List.of("org.junit.jupiter.api.Test",
      "org.junit.jupiter.engine.JupiterTestEngine", "org.junit.platform.engine.TestEngine",
      "org.junit.platform.commons.util.ClassUtils", "org.opentest4j.AssertionFailedError", "org.apiguardian.api.API");

  private TestClasspath() {
  }

  /** The folder or jar {@code type} was loaded from, e.g. a test's own {@code target/test-classes}. */
  public static Path of(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException | NullPointerException e) {
      throw new IllegalArgumentException("cannot tell where " + type.getName() + " was loaded from", e);
    }
  }

  /**
   * {@code fixtures} followed by the JUnit Jupiter jars of the caller's class path — the API, the engine and, where
   * the caller has it, {@code junit-jupiter-params} — and its JUnit Platform launcher, if it has one: a user's test
   * class path.
   */
  public static List<Path> withJupiter(Path fixtures) {
    Set<Path> entries = new LinkedHashSet<>();
    entries.add(fixtures);
    for (String name : JUPITER) {
      try {
        entries.add(of(Class.forName(name)));
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(name + " is not on the test class path; add junit-jupiter to it", e);
      }
    }
    try {
      entries.add(of(Class.forName("org.junit.jupiter.params.ParameterizedTest"))); // with junit-jupiter, there
    } catch (ClassNotFoundException e) {
      // junit-jupiter-api and -engine alone: no parameterized tests in the fixtures
    }
    try {
      // a worker needs the launcher too; Lanes' core finds one itself, a worker tested alone takes the caller's
      entries.add(of(Class.forName("org.junit.platform.launcher.core.LauncherFactory")));
    } catch (ClassNotFoundException e) {
      // the core aligns a launcher to the engine's version when it runs the suite
    }
    return List.copyOf(entries);
  }

  /**
   * Compiles Java sources (class name → source) into {@code folder}, against {@link #withJupiter} of it; returns that
   * class path. For fixtures a test makes as it runs: fifty copies of a class, or a class that must not be on the
   * test's own class path.
   */
  public static List<Path> compile(Path folder, Map<String, String> sources) {
    List<Path> classpath = withJupiter(folder);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      throw new IllegalStateException("compiling fixtures needs a JDK, not a JRE");
    }
    try {
      Path sourceRoot = Files.createDirectories(folder.resolveSibling(folder.getFileName() + "-src"));
      List<Path> files = new ArrayList<>();
      for (Map.Entry<String, String> source : sources.entrySet()) {
        Path file = sourceRoot.resolve(source.getKey().replace('.', '/') + ".java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source.getValue());
        files.add(file);
      }
      Files.createDirectories(folder);
      List<String> options = List.of("-d", folder.toString(), "-cp",
          String.join(File.pathSeparator, classpath.stream().map(Path::toString).toList()));
      StringWriter errors = new StringWriter();
      try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(null, null, null)) {
        if (!compiler.getTask(errors, fileManager, null, options, null, fileManager.getJavaFileObjectsFromPaths(files))
            .call()) {
          throw new IllegalStateException("the fixtures did not compile:\n" + errors);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return classpath;
  }

  /**
   * A project that tests a library published as a jar, as a library's own tests run from its {@code tests} jar do:
   * {@code split.LibraryTest} (in {@code folder}) calls a package-private method of {@code split.Library} (in
   * {@code folder}'s sibling {@code library.jar}); {@code split.SystemLoaderTest} finds its resource
   * {@code split/data.txt} through {@code ClassLoader.getSystemClassLoader()}. Returns the class path: the folder,
   * the jar, then JUnit.
   */
  public static List<Path> packageSplitAcrossAJar(Path folder) {
    compile(folder, Map.of(
        "split.Library", "package split; public class Library { static String hidden() { return \"package-private\"; } }",
        "split.LibraryTest", """
            package split;
            class LibraryTest {
              @org.junit.jupiter.api.Test
              void reachesAPackagePrivateMethodOfTheJar() {
                org.junit.jupiter.api.Assertions.assertEquals("package-private", Library.hidden());
              }
            }
            """,
        "split.SystemLoaderTest", """
            package split;
            class SystemLoaderTest {
              @org.junit.jupiter.api.Test
              void findsItsResourceThroughTheSystemClassLoader() {
                org.junit.jupiter.api.Assertions.assertNotNull(
                    ClassLoader.getSystemClassLoader().getResource("split/data.txt"), "split/data.txt");
              }
            }
            """));
    Path jar = folder.resolveSibling("library.jar");
    moveIntoJar(folder, jar, "split/Library.class");
    try {
      Files.writeString(folder.resolve("split/data.txt"), "a test resource\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Path> classpath = new ArrayList<>(withJupiter(folder));
    classpath.add(1, jar);
    return List.copyOf(classpath);
  }

  /**
   * A project whose classes a library on the class path looks up by name, as Java serialization does:
   * {@code lib.Roundtrip} (in {@code folder}'s sibling {@code roundtrip.jar}, a package of its own that names no class
   * of the project) copies an object through a plain {@code ObjectInputStream}, which resolves classes with the
   * library's own class loader; {@code app.RoundtripTest} and {@code app.RoundtripAgainTest} (two files, so a reused
   * worker meets the class twice) copy an {@code app.Point}. Returns the class path: the folder, the jar, then JUnit.
   */
  public static List<Path> serializingLibrary(Path folder) {
    String test = """
        package app;
        class %s {
          @org.junit.jupiter.api.Test
          void copiesAPointThroughALibrary() {
            Point copy = lib.Roundtrip.copy(new Point(1, 2));
            org.junit.jupiter.api.Assertions.assertEquals(new Point(1, 2), copy);
          }
        }
        """;
    compile(folder, Map.of(
        "lib.Roundtrip", """
            package lib;
            public final class Roundtrip {
              @SuppressWarnings("unchecked")
              public static <T extends java.io.Serializable> T copy(T object) {
                try {
                  java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
                  try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                    out.writeObject(object);
                  }
                  try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                      new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                    return (T) in.readObject();
                  }
                } catch (java.io.IOException | ClassNotFoundException e) {
                  throw new IllegalStateException(e);
                }
              }
            }
            """,
        "app.Point", "package app; public record Point(int x, int y) implements java.io.Serializable { }",
        "app.RoundtripTest", test.formatted("RoundtripTest"),
        "app.RoundtripAgainTest", test.formatted("RoundtripAgainTest")));
    Path jar = folder.resolveSibling("roundtrip.jar");
    moveIntoJar(folder, jar, "lib/Roundtrip.class");
    List<Path> classpath = new ArrayList<>(withJupiter(folder));
    classpath.add(1, jar);
    return List.copyOf(classpath);
  }

  private static void moveIntoJar(Path folder, Path jar, String... entries) {
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      for (String entry : entries) {
        Path file = folder.resolve(entry);
        out.putNextEntry(new JarEntry(entry));
        out.write(Files.readAllBytes(file));
        out.closeEntry();
        Files.delete(file);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
