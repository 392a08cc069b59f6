package dev.lanes.spi.protocol;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a worker is told when it starts, typed (never a map of strings, as Surefire's fork protocol has it): the time
 * one test may take ({@code testTimeoutMillis}, 0 for none), how often a failing test runs again ({@code retry}), the
 * JUnit Platform tag expressions that select tests ({@code tags}; a test runs when it matches any, all when there are
 * none), the Platform's configuration parameters, and the memory in bytes a worker that runs each file apart may keep
 * after a file before it is retired ({@code vmMemoryLimit}; {@link Long#MAX_VALUE} for none). A new setting is a
 * component here, a line in {@link Builder}, the line of configuration that reads it, and the code that uses it.
 */
public record WorkerSettings(long testTimeoutMillis, int retry, List<String> tags,
                             Map<String, String> configurationParameters, long vmMemoryLimit) {
  public WorkerSettings {
    tags = List.copyOf(tags == null ? List.of() : tags);
    configurationParameters = Map.copyOf(configurationParameters == null ? Map.of() : configurationParameters);
    if (testTimeoutMillis < 0) {
      throw new IllegalArgumentException("testTimeoutMillis must be 0 or more, was " + testTimeoutMillis);
    }
    if (retry < 0) {
      throw new IllegalArgumentException("retry must be 0 or more, was " + retry);
    }
    if (vmMemoryLimit <= 0) {
      throw new IllegalArgumentException("vmMemoryLimit must be positive, was " + vmMemoryLimit);
    }
  }

  /** No time-out, no retries, every test, no configuration parameters, no memory limit. */
  public static WorkerSettings defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change some. */
  public Builder toBuilder() {
    return new Builder().testTimeout(testTimeout()).retry(retry).tags(tags)
        .configurationParameters(configurationParameters).vmMemoryLimit(vmMemoryLimit);
  }

  /** The time one test may take; zero for no limit. */
  public Duration testTimeout() {
    return Duration.ofMillis(testTimeoutMillis);
  }

  /** Builds {@link WorkerSettings}; what is not set keeps its {@linkplain #defaults() default}. */
  public static final class Builder {
    private Duration testTimeout = Duration.ZERO;
    private int retry;
    private List<String> tags = List.of();
    private Map<String, String> configurationParameters = Map.of();
    private long vmMemoryLimit = Long.MAX_VALUE;

    private Builder() {
    }

    public Builder testTimeout(Duration timeout) {
      this.testTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    public Builder retry(int retries) {
      this.retry = retries;
      return this;
    }

    public Builder tags(List<String> expressions) {
      this.tags = expressions;
      return this;
    }

    public Builder configurationParameters(Map<String, String> parameters) {
      this.configurationParameters = parameters;
      return this;
    }

    public Builder vmMemoryLimit(long bytes) {
      this.vmMemoryLimit = bytes;
      return this;
    }

    public WorkerSettings build() {
      return new WorkerSettings(testTimeout.toMillis(), retry, tags, configurationParameters, vmMemoryLimit);
    }
  }
}
