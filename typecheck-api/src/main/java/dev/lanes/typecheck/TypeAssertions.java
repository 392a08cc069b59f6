package dev.lanes.typecheck;

/**
 * Java's {@code expectTypeOf}: {@code expectType(names.stream().toList()).is(new TypeRef<List<String>>() {})}.
 * The {@code typecheck} pool checks these at compile time; they do nothing when run.
 */
public final class TypeAssertions {
  private TypeAssertions() {
  }

  /** Starts a check of {@code actual}'s static type (its value is never used). */
  public static <T> TypeExpectation<T> expectType(T actual) {
    return new TypeExpectation<>();
  }
}
