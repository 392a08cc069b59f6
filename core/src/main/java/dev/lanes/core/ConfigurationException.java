package dev.lanes.core;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** The configuration has problems; all of them are listed, numbered, each naming where it was written. */
public final class ConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public ConfigurationException(List<String> problems) {
    super(format(problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }

  private static String format(List<String> problems) {
    if (problems.size() == 1) {
      return problems.get(0);
    }
    return IntStream.range(0, problems.size())
        .mapToObj(i -> (i + 1) + ") " + problems.get(i))
        .collect(Collectors.joining("\n", "", "\n\n" + problems.size() + " errors"));
  }
}
