package dev.lanes.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Each test passes only when one of the build's Surefire settings reached the JVM it runs in. */
class SurefireSettingsTest {
  @Test
  void argLineOpensJavaLang() throws Exception {
    Field value = String.class.getDeclaredField("value");
    value.setAccessible(true); // InaccessibleObjectException without --add-opens java.base/java.lang
    assertNotNull(value.get("x"));
  }

  @Test
  void assertionsAreOnAsSurefireTurnsThemOn() {
    assertThrows(AssertionError.class, () -> Greeting.of(null));
  }

  @Test
  void systemPropertyVariablesAreSet() {
    assertEquals("from the pom", System.getProperty("fixture.property"));
  }

  @Test
  void environmentVariablesAreSet() {
    assertEquals("from the pom", System.getenv("FIXTURE_ENV"));
  }

  @Test
  void theSystemClassLoaderSeesTestResources() {
    assertNotNull(ClassLoader.getSystemClassLoader().getResource("fixture.txt"));
  }

  @Test
  void relativePathsStartAtTheModule() {
    assertTrue(Files.isRegularFile(Path.of("src/test/resources/fixture.txt")));
  }

  @Test
  void additionalClasspathElementsHoldTheMultiReleaseClasses() throws Exception {
    Class<?> type = Class.forName("dev.lanes.migration.OnlyForJava11");
    assertEquals("Hello from Java 11", type.getMethod("greeting").invoke(null));
  }
}
