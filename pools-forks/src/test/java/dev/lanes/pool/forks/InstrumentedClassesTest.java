package dev.lanes.pool.forks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.spi.Coverage;
import dev.lanes.testkit.TestClasspath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstrumentedClassesTest {
  @TempDir
  Path temp;

  @Test
  void measuredClassesAreInstrumentedAndFollowTheFoldersAsTheyChange() throws Exception {
    Path classes = temp.resolve("classes");
    TestClasspath.compile(classes, Map.of(
        "app.Shape", "package app; public class Shape { public int sides(boolean square) { return square ? 4 : 3; } }",
        "app.Kept", "package app; public class Kept { }",
        "other.Plain", "package other; public class Plain { }"));
    List<String> warnings = new ArrayList<>();
    InstrumentedClasses instrumented = InstrumentedClasses.of(List.of(classes),
        new Coverage(temp.resolve("jacoco.exec"), List.of("app.*"), List.of()), warnings::add);
    try {
      Path folder = instrumented.refresh();

      assertThat(folder.resolve("app/Shape.class")).exists();
      assertThat(new String(Files.readAllBytes(folder.resolve("app/Shape.class")), "ISO-8859-1"))
          .as("JaCoCo's probes, for its agent runtime").contains("$jacocoData", "org/jacoco/agent/rt/internal_");
      assertThat(folder.resolve("other/Plain.class")).as("not measured").doesNotExist();

      // a watch rerun: one class recompiled, one deleted
      byte[] before = Files.readAllBytes(folder.resolve("app/Shape.class"));
      TestClasspath.compile(classes, Map.of(
          "app.Shape", "package app; public class Shape { public int sides(boolean s) { return s ? 4 : 5; } }"));
      Files.setLastModifiedTime(classes.resolve("app/Shape.class"), FileTime.fromMillis(System.currentTimeMillis()
          + 5_000));
      Files.delete(classes.resolve("app/Kept.class"));
      instrumented.refresh();

      assertThat(Files.readAllBytes(folder.resolve("app/Shape.class"))).isNotEqualTo(before);
      assertThat(folder.resolve("app/Kept.class")).doesNotExist();
      assertThat(warnings).isEmpty();
    } finally {
      instrumented.delete();
    }
  }

  @Test
  void aClassJaCoCoCannotReadRunsAsItIsWithAWarning() throws Exception {
    Path classes = Files.createDirectories(temp.resolve("classes/app"));
    Files.writeString(classes.resolve("Broken.class"), "not a class file");
    List<String> warnings = new ArrayList<>();
    InstrumentedClasses instrumented = InstrumentedClasses.of(List.of(classes.getParent()),
        new Coverage(temp.resolve("jacoco.exec"), List.of("*"), List.of()), warnings::add);
    try {
      Path folder = instrumented.refresh();

      assertThat(folder.resolve("app/Broken.class")).doesNotExist();
      assertThat(warnings).singleElement().asString().startsWith("JaCoCo cannot instrument app.Broken");
    } finally {
      instrumented.delete();
    }
  }
}
