package dev.lanes.typecheck;

/**
 * What {@link TypeAssertions#expectType} returns. The {@code typecheck} pool checks each call against the static
 * type of the expression given to {@code expectType}, after the compiler has attributed it; nothing happens at run
 * time.
 *
 * @param <T> the type the compiler inferred for the expression
 */
public final class TypeExpectation<T> {
  TypeExpectation() {
  }

  /** The expression's static type is exactly {@code expected}'s argument: {@code List<String>} is not {@code List<Object>}. */
  public void is(TypeRef<?> expected) {
  }

  /** The expression's static type is assignable to {@code expected}'s argument. */
  public void isAssignableTo(TypeRef<?> expected) {
  }
}
