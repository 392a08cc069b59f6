package dev.lanes.core.internal.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes sure a test class path can run the JUnit Platform launcher of the <em>same</em> version as
 * its engine (mixing Platform 6.x and 5.x fails with {@code NoSuchMethodError}): a launcher already
 * on the class path is used as it is; otherwise the matching {@code junit-platform-launcher} jar is
 * taken from the local Maven repository, as Surefire does.
 */
public final class LauncherAlignment {
  private static final String LAUNCHER = "org/junit/platform/launcher/Launcher.class";
  private static final String ENGINE = "org/junit/platform/engine/TestEngine.class";
  private static final Pattern VERSION = Pattern.compile("junit-platform-engine-(.+)\\.jar");

  private LauncherAlignment() {
  }

  /** The class path with a launcher, or a problem sentence saying what to add. */
  public record Result(List<Path> classpath, Optional<String> problem) {
  }

  public static Result align(List<Path> classpath, Path localRepository) {
    if (classpath.stream().anyMatch(entry -> contains(entry, LAUNCHER))) {
      return new Result(classpath, Optional.empty());
    }
    Optional<Path> engine = classpath.stream().filter(entry -> contains(entry, ENGINE)).findFirst();
    if (engine.isEmpty()) {
      return new Result(classpath, Optional.of("the test class path has no JUnit Platform engine"
          + " (junit-platform-engine); add a test engine such as org.junit.jupiter:junit-jupiter to it."));
    }
    Optional<String> version = version(engine.get());
    if (version.isEmpty()) {
      return new Result(classpath, Optional.of("cannot tell the version of the JUnit Platform in '"
          + engine.get().getFileName() + "'; add org.junit.platform:junit-platform-launcher of the same version"
          + " to the test class path."));
    }
    Path launcher = localRepository.resolve("org/junit/platform/junit-platform-launcher").resolve(version.get())
        .resolve("junit-platform-launcher-" + version.get() + ".jar");
    if (!Files.isRegularFile(launcher)) {
      return new Result(classpath, Optional.of("the test class path has junit-platform-engine " + version.get()
          + " but no junit-platform-launcher, and the local Maven repository does not hold it; add"
          + " org.junit.platform:junit-platform-launcher:" + version.get() + " to the test class path."));
    }
    List<Path> aligned = new ArrayList<>(classpath);
    aligned.add(launcher);
    return new Result(aligned, Optional.empty());
  }

  /** The local Maven repository: {@code -Dmaven.repo.local}, else {@code ~/.m2/repository}. */
  public static Path defaultLocalRepository() {
    String configured = System.getProperty("maven.repo.local");
    return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  private static Optional<String> version(Path engine) {
    Matcher matcher = VERSION.matcher(engine.getFileName().toString());
    if (matcher.matches()) {
      return Optional.of(matcher.group(1));
    }
    if (Files.isRegularFile(engine)) {
      try (JarFile jar = new JarFile(engine.toFile())) {
        return Optional.ofNullable(jar.getManifest())
            .map(m -> m.getMainAttributes().getValue("Implementation-Version"));
      } catch (IOException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private static boolean contains(Path entry, String resource) {
    if (Files.isDirectory(entry)) {
      return Files.isRegularFile(entry.resolve(resource));
    }
    if (!Files.isRegularFile(entry)) {
      return false;
    }
    try (JarFile jar = new JarFile(entry.toFile())) {
      return jar.getEntry(resource) != null;
    } catch (IOException e) {
      return false;
    }
  }
}
