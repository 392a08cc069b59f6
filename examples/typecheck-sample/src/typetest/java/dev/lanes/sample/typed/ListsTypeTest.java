package dev.lanes.sample.typed;

import static dev.lanes.typecheck.TypeAssertions.expectType;

import dev.lanes.typecheck.ExpectCompileError;
import dev.lanes.typecheck.TypeRef;
import dev.lanes.typecheck.TypeTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Lists' signatures must allow and refuse. Checked by javac in the typecheck pool; never run. */
class ListsTypeTest {
  @TypeTest
  void zipKeepsBothElementTypes() {
    List<Pair<String, Integer>> pairs = Lists.zip(List.of("a"), List.of(1));
    expectType(pairs.get(0).second()).is(new TypeRef<Integer>() {});
  }

  @Test
  void mapAllInfersTheResultType() {
    expectType(Lists.mapAll(List.of(1, 2), n -> "#" + n)).is(new TypeRef<List<String>>() {});
  }

  @TypeTest
  void mapAllIsNotAListOfObjects() {
    // fails on purpose: the exact type is List<String>, which is not List<Object>
    expectType(Lists.mapAll(List.of("a"), s -> s)).is(new TypeRef<List<Object>>() {});
  }

  @TypeTest
  void aListOfStringsIsAssignableToAWildcard() {
    expectType(Lists.mapAll(List.of("a"), s -> s)).isAssignableTo(new TypeRef<List<? extends CharSequence>>() {});
  }

  @TypeTest
  void firstOrOfIntegersIsNoString() {
    // fails on purpose: a real type error
    String first = Lists.firstOr(List.of(1, 2), 0);
  }

  @TypeTest
  @ExpectCompileError("incompatible types")
  void zipCannotBeReadAsTheWrongPair() {
    List<Pair<Integer, String>> pairs = Lists.zip(List.of("a"), List.of(1));
  }

  @TypeTest
  void firstOrRefusesAMismatchedFallback() {
    List<String> names = List.of("a");
    // @expect-error incompatible types
    Integer first = Lists.firstOr(names, "none");
  }

  @TypeTest
  @ExpectCompileError("incompatible types")
  void aWideningIsNoError() {
    // fails on purpose: int widens to long, so the error this test expects never comes
    long first = Lists.firstOr(List.of(1), 0);
  }

  @TypeTest
  void neverRuns() throws IOException {
    // compiles, so it passes; if anything ever ran it, this file would appear
    Files.writeString(Path.of("target/typecheck-sample-ran.marker"), "a type test was run");
  }
}
