package dev.lanes.core;

import dev.lanes.spi.PoolProvider;
import dev.lanes.spi.Reporter;
import java.io.PrintStream;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What to run and how to show it. {@code filters} keep files whose class name contains one of them;
 * {@code extraReporters} receive the run's events besides the configured reporters; {@code extraPools}
 * are pools given as instances (a test kit's), found by their name before the installed ones;
 * {@code testNamePatterns} give, per test class (a file's module id), the regular expression its tests' method or
 * display names must match — Vitest's {@code -t}, per file, as Surefire's {@code -Dtest=Class#method} needs it;
 * empty: all the file's tests; {@code lastFailed}: only the files that failed in the last recorded run;
 * {@code changed}: only the files a change since that git reference reaches ({@code ""}: what is not committed).
 * Made with {@link #builder}.
 */
public record RunOptions(List<String> filters, boolean collectOnly, PrintStream console, boolean interactive,
                         Optional<String> project, List<Reporter> extraReporters, List<PoolProvider> extraPools,
                         Function<String, Optional<String>> testNamePatterns, boolean lastFailed,
                         Optional<String> changed) {
  public RunOptions {
    filters = List.copyOf(filters);
    Objects.requireNonNull(console, "console");
    project = Optional.ofNullable(project).flatMap(p -> p);
    extraReporters = List.copyOf(extraReporters);
    extraPools = List.copyOf(extraPools);
    Objects.requireNonNull(testNamePatterns, "testNamePatterns");
    changed = Optional.ofNullable(changed).flatMap(c -> c);
  }

  /** Options that run every file of every project, all its tests, and show it on {@code console}. */
  public static Builder builder(PrintStream console) {
    return new Builder(console);
  }

  /** Builds {@link RunOptions}. */
  public static final class Builder {
    private final PrintStream console;
    private List<String> filters = List.of();
    private boolean collectOnly;
    private boolean interactive;
    private Optional<String> project = Optional.empty();
    private List<Reporter> extraReporters = List.of();
    private List<PoolProvider> extraPools = List.of();
    private Function<String, Optional<String>> testNamePatterns = file -> Optional.empty();
    private boolean lastFailed;
    private Optional<String> changed = Optional.empty();

    private Builder(PrintStream console) {
      this.console = console;
    }

    public Builder filters(List<String> classNameParts) {
      this.filters = classNameParts;
      return this;
    }

    public Builder collectOnly(boolean collect) {
      this.collectOnly = collect;
      return this;
    }

    public Builder interactive(boolean terminal) {
      this.interactive = terminal;
      return this;
    }

    public Builder project(Optional<String> name) {
      this.project = name;
      return this;
    }

    public Builder extraReporters(List<Reporter> reporters) {
      this.extraReporters = reporters;
      return this;
    }

    public Builder extraPools(List<PoolProvider> pools) {
      this.extraPools = pools;
      return this;
    }

    public Builder testNamePatterns(Function<String, Optional<String>> patterns) {
      this.testNamePatterns = patterns;
      return this;
    }

    /** Only the files that failed in the last recorded run of their project ({@code --last-failed}). */
    public Builder lastFailed(boolean failedOnly) {
      this.lastFailed = failedOnly;
      return this;
    }

    /**
     * Only the files a change reaches ({@code --changed}): since {@code ref} ({@code HEAD~1}, a branch), or, empty,
     * what is not committed.
     */
    public Builder changed(Optional<String> ref) {
      this.changed = ref;
      return this;
    }

    public RunOptions build() {
      return new RunOptions(filters, collectOnly, console, interactive, project, extraReporters, extraPools,
          testNamePatterns, lastFailed, changed);
    }
  }
}
