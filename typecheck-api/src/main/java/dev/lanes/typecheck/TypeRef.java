package dev.lanes.typecheck;

/**
 * A type, written as an anonymous subclass so that its arguments survive: {@code new TypeRef<List<String>>() {}}.
 * Only the compiler looks at it.
 *
 * @param <T> the type
 */
public abstract class TypeRef<T> {
  protected TypeRef() {
  }
}
