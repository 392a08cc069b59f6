package dev.lanes.examples.retrying;

import dev.lanes.pool.forks.ForksOptions;
import java.util.List;

/**
 * {@code poolOptions.retrying-forks}.
 *
 * @param retries how many times a failed file runs again, each time in a fresh JVM (default 1)
 * @param launchPrefix words put before the worker's command, e.g. {@code ["nice", "-n", "10"]}
 * @param forks the forks pool's own options ({@code execArgv}, {@code env}, {@code javaHome}, ...)
 */
public record RetryingForksOptions(Integer retries, List<String> launchPrefix, ForksOptions forks) {
  public RetryingForksOptions {
    retries = retries == null ? 1 : retries;
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative, was " + retries);
    }
    launchPrefix = launchPrefix == null ? List.of() : List.copyOf(launchPrefix);
    forks = forks == null ? ForksOptions.defaults() : forks;
  }
}
