package dev.lanes.sample.typed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The API's behaviour, run in the threads pool; its types are checked by the type tests. */
class ListsTest {
  @Test
  void zipStopsAtTheShorterList() {
    assertEquals(List.of(new Pair<>("a", 1)), Lists.zip(List.of("a", "b"), List.of(1)));
  }

  @Test
  void firstOrFallsBackOnAnEmptyList() {
    assertEquals("none", Lists.firstOr(List.of(), "none"));
  }

  @Test
  void mapAllMapsEachElement() {
    assertEquals(List.of(2, 3), Lists.mapAll(List.of(1, 2), n -> n + 1));
  }
}
