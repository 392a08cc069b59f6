package dev.lanes.sample.typed;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A small generic API whose types its type tests pin down. */
public final class Lists {
  private Lists() {
  }

  /** The first element, or {@code fallback} when there is none. */
  public static <T> T firstOr(List<? extends T> list, T fallback) {
    return list.isEmpty() ? fallback : list.get(0);
  }

  /** Each element mapped. */
  public static <T, R> List<R> mapAll(List<? extends T> list, Function<? super T, ? extends R> mapper) {
    List<R> mapped = new ArrayList<>(list.size());
    for (T element : list) {
      mapped.add(mapper.apply(element));
    }
    return mapped;
  }

  /** Pairs of the elements at the same index, as many as the shorter list has. */
  public static <A, B> List<Pair<A, B>> zip(List<? extends A> left, List<? extends B> right) {
    List<Pair<A, B>> pairs = new ArrayList<>();
    for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
      pairs.add(new Pair<>(left.get(i), right.get(i)));
    }
    return pairs;
  }
}
