package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two projects with their own include globs, one not isolated, run in one run and report under their names. */
class ProjectsIT {
  @TempDir
  Path dir;

  @Test
  void twoProjectsRunInOneRunEachFileUnderItsProject() throws Exception {
    Files.writeString(dir.resolve("lanes.conf"), LanesCli.sampleClasspathConf() + """
        projects = [
          { name = money, extends = true, "include" = ["**/Money*Test.class", "**/RingBuffer*Test.class"], isolate = false }
          { name = text, extends = true, "include" = ["**/Slugs*Test.class"] }
        ]
        """);

    LanesCli.Result result = LanesCli.run(dir, "run");

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out())
        .contains("✓ |money| dev.lanes.sample.MoneyTest (7 tests)")
        .contains("✓ |money| dev.lanes.sample.RingBufferTest (4 tests)")
        .contains("✓ |text| dev.lanes.sample.SlugsTest (8 tests)")
        .doesNotContain("InvoicePrinterTest")
        .contains("Test Files  3 passed (3)")
        .contains("Tests  19 passed (19)");
  }
}
