package dev.lanes.core.internal.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/** "Did you mean": the known name one or two edits away from a mistyped one. */
public final class Suggestions {
  private Suggestions() {
  }

  /** {@code " (did you mean 'threads'?)"}, or {@code ""} when no known name is close to {@code value}. */
  public static String didYouMean(String value, Collection<String> known) {
    return closest(value, known).map(name -> " (did you mean '" + name + "'?)").orElse("");
  }

  /** The known name at most two edits from {@code value} (case aside), the closest first. */
  public static Optional<String> closest(String value, Collection<String> known) {
    return known.stream().filter(name -> distance(name.toLowerCase(), value.toLowerCase()) <= 2)
        .min(Comparator.comparingInt(name -> distance(name, value)));
  }

  /** Levenshtein's edit distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
