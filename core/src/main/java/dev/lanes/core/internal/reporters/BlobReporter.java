package dev.lanes.core.internal.reporters;

import com.google.auto.service.AutoService;
import dev.lanes.core.Lanes;
import dev.lanes.core.internal.coverage.CoverageReport;
import dev.lanes.core.internal.state.RunSnapshot;
import dev.lanes.spi.Reporter;
import dev.lanes.spi.ReporterOptions;
import dev.lanes.spi.ReporterProvider;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.TestError;
import java.nio.file.Path;
import java.util.List;

/**
 * Vitest's blob reporter: the whole run, replayable, in {@code .lanes-reports/blob-<index>-<count>.json} (or
 * {@code blob.json} outside a shard, or {@code outputFile}), for {@code lanes --merge-reports} to report the shards
 * of one suite as one run.
 */
public final class BlobReporter implements Reporter {
  /** Where blobs go, below the root, and where {@code --merge-reports} looks by default. */
  public static final String FOLDER = ".lanes-reports";

  private final ReporterOptions options;
  private long start;

  BlobReporter(ReporterOptions options) {
    this.options = options;
  }

  @Override
  public void onTestRunStart(List<TestSpecification> specifications) {
    start = System.currentTimeMillis();
  }

  @Override
  public void onTestRunEnd(List<TestModule> modules, List<TestError> unhandledErrors, RunEndReason reason) {
    RunSnapshot snapshot = RunSnapshot.of(Lanes.VERSION, options.shard(), start, System.currentTimeMillis() - start,
        modules, unhandledErrors);
    if (options.coverageData().isPresent()) {
      try {
        snapshot = snapshot.withCoverage(CoverageReport.read(options.coverageData().get()));
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException("the coverage data " + options.coverageData().get() + " cannot be read"
            + " into the blob report", e);
      }
    }
    Path file = options.outputFile().orElseGet(() -> options.root().resolve(FOLDER)
        .resolve(options.shard().map(shard -> "blob-" + shard.replace('/', '-') + ".json").orElse("blob.json")));
    try {
      ReportFiles.write(options, file, Blobs.MAPPER.writeValueAsString(snapshot), "blob report");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot encode the blob report. This is a bug in Lanes.", e);
    }
  }

  /** {@code reporters = [blob]}. */
  @AutoService(ReporterProvider.class)
  public static final class Provider implements ReporterProvider {
    @Override
    public String name() {
      return "blob";
    }

    @Override
    public Reporter create(ReporterOptions options) {
      return new BlobReporter(options);
    }
  }
}
