package dev.lanes.sample;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Writes target/lanes-probe/RunMarkerTest.ran when it runs, so a test can prove that listing tests runs none. */
class RunMarkerTest {
  @Test
  void leavesAMark() throws Exception {
    Path classes = Path.of(RunMarkerTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path marker = classes.getParent().resolve("lanes-probe").resolve("RunMarkerTest.ran");
    Files.createDirectories(marker.getParent());
    Files.writeString(marker, "ran");
    assertTrue(Files.exists(marker));
  }
}
