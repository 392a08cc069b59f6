package dev.lanes.examples.collectonly;

import dev.lanes.testkit.PoolTestKit;
import dev.lanes.testkit.TestClasspath;
import java.nio.file.Path;

/** The fixture test classes of this module, as the test class path of a run. */
final class Fixtures {
  static final Path FOLDER = TestClasspath.of(Fixtures.class);
  static final String WOULD_FAIL = "dev.lanes.examples.collectonly.fixtures.WouldFailFixture";

  private Fixtures() {
  }

  static PoolTestKit on(PoolTestKit kit) {
    return kit.classpath(TestClasspath.withJupiter(FOLDER)).testClassDirs(FOLDER).include("**/*Fixture.class");
  }
}
