package dev.lanes.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Tests by tag: the build leaves out "slow" (excludedGroups); -Dgroups and lanes' tags select among them. */
class TaggedTest {
  @Test
  @Tag("fast")
  void fast() {
    assertEquals("Hello, fast", Greeting.of("fast"));
  }

  @Test
  @Tag("slow")
  void slow() {
    assertEquals("Hello, slow", Greeting.of("slow"));
  }

  @Test
  @Tag("fast")
  @Tag("slow")
  void fastAndSlow() {
    assertEquals("Hello, both", Greeting.of("both"));
  }

  @Test
  void untagged() {
    assertEquals("Hello, none", Greeting.of("none"));
  }
}
