package dev.lanes.sample.typed;

import static dev.lanes.typecheck.TypeAssertions.expectType;

import dev.lanes.typecheck.TypeRef;
import dev.lanes.typecheck.TypeTest;

/** Pair's types, all as they should be. */
class PairTypeTest {
  @TypeTest
  void withSecondChangesOnlyTheSecondType() {
    Pair<String, Integer> pair = new Pair<>("a", 1);
    expectType(pair.withSecond(2.0)).is(new TypeRef<Pair<String, Double>>() {});
  }

  @TypeTest
  void componentsKeepTheirTypes() {
    Pair<String, Integer> pair = new Pair<>("a", 1);
    expectType(pair.first()).is(new TypeRef<String>() {});
    // @expect-error incompatible types
    String second = pair.second();
  }
}
