package dev.lanes.core.internal.reporters;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.core.internal.state.RunSnapshot;
import dev.lanes.core.internal.state.TestRun;
import dev.lanes.spi.FileOutcome;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.TestError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OutcomeJsonTest {
  private static final List<FileOutcome> EVERY_KIND = List.of(FileOutcome.passed(), FileOutcome.failed(),
      FileOutcome.skipped("disabled"), FileOutcome.crashed(OptionalInt.of(137), "Last output of the worker:\nbye"),
      FileOutcome.crashed(OptionalInt.empty(), ""), FileOutcome.timedOut("\"main\" WAITING"),
      FileOutcome.stalled("tap"), FileOutcome.aborted("the pool failed"), FileOutcome.cancelled("bail = 1"),
      FileOutcome.notRun("the run was interrupted"));

  @Test
  void everyOutcomeIsWrittenByItsKindAndReadBackEqual() throws Exception {
    assertThat(EVERY_KIND.stream().map(FileOutcome::kind).distinct()).hasSize(FileOutcome.Kind.values().length);
    for (FileOutcome outcome : EVERY_KIND) {
      String json = Blobs.MAPPER.writerFor(FileOutcome.class).writeValueAsString(outcome);
      assertThat(Blobs.MAPPER.readValue(json, FileOutcome.class)).as(json).isEqualTo(outcome);
    }
    assertThat(Blobs.MAPPER.valueToTree(FileOutcome.crashed(OptionalInt.of(137), "bye")).toString())
        .isEqualTo("{\"kind\":\"crashed\",\"exitCode\":137,\"signal\":9,\"outputTail\":\"bye\"}");
  }

  @Test
  void aMergedBlobKeepsHowEachFileEnded() throws Exception {
    TestProject project = TestProject.builder("unit", Path.of("."), "scripted").teardownTimeout(Duration.ofSeconds(5))
        .build();
    List<TestSpecification> specs = List.of(TestSpecification.of(project, "com.acme.CrashTest"),
        TestSpecification.of(project, "com.acme.HangTest"), TestSpecification.of(project, "com.acme.NeverTest"));
    TestRun run = new TestRun(List.of());
    run.start(specs);
    run.failFiles(specs.subList(0, 1), TestError.of("WorkerError", "Worker exited unexpectedly with exit code 134"),
        FileOutcome.crashed(OptionalInt.of(134), "core dumped"));
    run.failFiles(specs.subList(1, 2), TestError.of("WorkerError", "Test file did not finish"),
        FileOutcome.timedOut("\"main\" WAITING"));
    run.interrupt();
    run.end();
    String blob = Blobs.MAPPER.writeValueAsString(RunSnapshot.of("1", Optional.empty(), 0, 1, run.modules(), List.of()));

    RunSnapshot read = Blobs.MAPPER.readValue(blob, RunSnapshot.class);
    TestRun merged = new TestRun(List.of());
    merged.start(specs);
    read.files().forEach(merged::replay);
    merged.end();

    Map<String, FileOutcome> outcomes = merged.modules().stream()
        .collect(Collectors.toMap(TestModule::moduleId, TestModule::outcome));
    assertThat(outcomes).containsEntry("com.acme.CrashTest", FileOutcome.crashed(OptionalInt.of(134), "core dumped"))
        .containsEntry("com.acme.HangTest", FileOutcome.timedOut("\"main\" WAITING"))
        .containsEntry("com.acme.NeverTest", FileOutcome.notRun("the run was interrupted"));
  }
}
