package dev.lanes.examples.tap;

import dev.lanes.spi.PoolContext;
import dev.lanes.spi.ProcessPool;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.report.FileReport;
import dev.lanes.spi.support.ChildProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Runs each test script in a process of its own ({@link ChildProcess}: nothing it starts outlives the run) and reads
 * its TAP output line by line ({@link TapReader}): each test line a test of the file, a script that crashes or exits
 * with an error its file's failure, with its last output. TAP has no listing mode, so {@code lanes list} runs the
 * scripts and lists the tests they report.
 */
record TapPool(PoolContext context, TapPoolProvider.Options options) implements ProcessPool {
  private static final int TAIL_LINES = 20;

  @Override
  public String name() {
    return "tap";
  }

  @Override
  public CompletionStage<Void> runTests(List<TestSpecification> specs, List<String> invalidates) {
    return context.runFiles(specs, this::run);
  }

  @Override
  public CompletionStage<Void> collectTests(List<TestSpecification> specs, List<String> invalidates) {
    return context.collectFiles(specs, this::run);
  }

  private void run(FileReport report) throws Exception {
    TestSpecification spec = report.spec();
    List<String> command = new ArrayList<>(options.interpreter());
    command.add(spec.project().root().resolve(spec.moduleId()).toString());
    ProcessBuilder builder = new ProcessBuilder(command).directory(spec.project().root().toFile());
    builder.environment().putAll(spec.project().environment().environment());
    try (ChildProcess script = ChildProcess.start(builder)) {
      CompletableFuture<List<String>> errors = CompletableFuture.supplyAsync(() -> tail(script));
      TapReader reader = new TapReader(report);
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(script.output(), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          reader.line(line);
        }
      }
      int exit = script.waitFor();
      List<String> stderr = errors.join();
      if (!report.isCollecting()) {
        stderr.forEach(line -> report.errorOutput(line + "\n"));
        reader.end().ifPresent(report::failed);
        if (exit != 0 && !report.isFinished()) {
          report.failed(TestError.of("ScriptExit", spec.moduleId() + " exited with code " + exit
              + (exit > 128 ? " (signal " + (exit - 128) + ")" : "") + (stderr.isEmpty() ? ""
              : "; its last errors:\n" + String.join("\n", stderr))));
        }
      }
    }
  }

  /** The last lines the script wrote to its standard error. */
  private static List<String> tail(ChildProcess script) {
    List<String> tail = new ArrayList<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(script.errors(), StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        tail.add(line);
        if (tail.size() > TAIL_LINES) {
          tail.remove(0);
        }
      }
    } catch (java.io.IOException e) {
      tail.add("(its error output could not be read: " + e.getMessage() + ")");
    }
    return tail;
  }
}
