package dev.lanes.testkit;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

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
   * {@code fixtures} followed by the JUnit Jupiter jars of the caller's class path (and its JUnit Platform
   * launcher, if it has one): a user's test class path.
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
      // a worker needs the launcher too; Lanes' core finds one itself, a worker tested alone takes the caller's
      entries.add(of(Class.forName("org.junit.platform.launcher.core.LauncherFactory")));
    } catch (ClassNotFoundException e) {
      // the core aligns a launcher to the engine's version when it runs the suite
    }
    return List.copyOf(entries);
  }
}
