package dev.lanes.spi;

import java.util.List;

/** One or more configuration problems, each a full sentence naming the key, where it was written and what is valid. */
public final class PoolConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final List<String> problems;

  public PoolConfigurationException(List<String> problems) {
    super(String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
