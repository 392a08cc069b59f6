package dev.lanes.core.internal.reporters;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanes.spi.FileOutcome;

/**
 * A file's outcome in JSON (blobs, the JSON report): an object whose {@code kind} names one of the closed set of
 * outcomes, with that outcome's fields — {@code {"kind": "crashed", "exitCode": 137, "signal": 9, "outputTail": …}}.
 * The subtypes are listed here, never resolved from the text: no polymorphic default typing.
 */
final class OutcomeJson {
  private OutcomeJson() {
  }

  /** {@code mapper}, reading and writing {@link FileOutcome} by its kind. */
  static <M extends ObjectMapper> M register(M mapper) {
    mapper.addMixIn(FileOutcome.class, Kinds.class);
    return mapper;
  }

  @JsonIgnoreProperties({"machineryFailure"})
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  @JsonSubTypes({
      @JsonSubTypes.Type(value = FileOutcome.Passed.class, name = "passed"),
      @JsonSubTypes.Type(value = FileOutcome.Failed.class, name = "failed"),
      @JsonSubTypes.Type(value = FileOutcome.Skipped.class, name = "skipped"),
      @JsonSubTypes.Type(value = FileOutcome.Crashed.class, name = "crashed"),
      @JsonSubTypes.Type(value = FileOutcome.TimedOut.class, name = "timedOut"),
      @JsonSubTypes.Type(value = FileOutcome.Stalled.class, name = "stalled"),
      @JsonSubTypes.Type(value = FileOutcome.Aborted.class, name = "aborted"),
      @JsonSubTypes.Type(value = FileOutcome.Cancelled.class, name = "cancelled"),
      @JsonSubTypes.Type(value = FileOutcome.NotRun.class, name = "notRun")})
  private interface Kinds {
  }
}
