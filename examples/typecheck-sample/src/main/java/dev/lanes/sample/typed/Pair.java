package dev.lanes.sample.typed;

/** Two values of their own types. */
public record Pair<A, B>(A first, B second) {
  public <C> Pair<A, C> withSecond(C newSecond) {
    return new Pair<>(first, newSecond);
  }
}
