package dev.lanes.core.internal.state;

import dev.lanes.spi.Reporter;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.TestErrors;
import java.util.List;
import java.util.function.Consumer;

/** Calls every reporter; one that throws is reported as an "Unhandled Reporter Error" and the others go on. */
final class Reporters {
  private final List<Reporter> reporters;
  private final Consumer<TestError> errors;

  Reporters(List<Reporter> reporters, Consumer<TestError> errors) {
    this.reporters = List.copyOf(reporters);
    this.errors = errors;
  }

  void each(Consumer<Reporter> event) {
    for (Reporter reporter : reporters) {
      try {
        event.accept(reporter);
      } catch (java.io.UncheckedIOException e) {
        errors.accept(TestError.of("Report Not Written", e.getMessage()).withCause(TestErrors.of(e)));
      } catch (RuntimeException e) {
        errors.accept(TestError.of("Unhandled Reporter Error", reporter.getClass().getSimpleName() + " threw "
            + e).withCause(TestErrors.of(e)));
      }
    }
  }
}
