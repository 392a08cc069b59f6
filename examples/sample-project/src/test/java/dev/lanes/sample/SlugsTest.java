package dev.lanes.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SlugsTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "Hello World, hello-world",
      "  Trim me  , trim-me",
      "Crème brûlée, creme-brulee",
      "C++ & Java!, c-java",
      "already-a-slug, already-a-slug"
  })
  void slugifies(String title, String slug) {
    assertEquals(slug, Slugs.slugify(title));
  }

  @ParameterizedTest
  @ValueSource(strings = {"--x--", "Ünïcödé", "a b c"})
  void neverStartsOrEndsWithADash(String title) {
    String slug = Slugs.slugify(title);
    assertFalse(slug.startsWith("-") || slug.endsWith("-"), slug);
  }
}
