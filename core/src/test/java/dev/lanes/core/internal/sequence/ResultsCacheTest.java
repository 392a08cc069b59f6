package dev.lanes.core.internal.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.spi.Sequencer;
import dev.lanes.spi.TestCase;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.UserConsoleLog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultsCacheTest {
  @TempDir
  Path root;

  @Test
  void aRunsResultsAreReadByTheNextRunAndFilesNotRunKeepTheirEntry() {
    new ResultsCache(root).record(List.of(module("a.ATest", TaskState.FAIL, 120), module("a.BTest", TaskState.PASS, 30)));
    new ResultsCache(root).record(List.of(module("a.BTest", TaskState.PASS, 45)));

    ResultsCache next = new ResultsCache(root);
    assertThat(next.get("unit", "a.ATest")).contains(new Sequencer.CachedResult(120, true));
    assertThat(next.get("unit", "a.BTest")).contains(new Sequencer.CachedResult(45, false));
    assertThat(next.get("unit", "a.CTest")).isEmpty();
    assertThat(next.get("other", "a.ATest")).isEmpty();
  }

  @Test
  void anUnreadableCacheIsAnEmptyOne() throws Exception {
    new ResultsCache(root).record(List.of(module("a.ATest", TaskState.PASS, 1)));
    try (var files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.getFileName().toString().equals("results.json")).toList()) {
        Files.writeString(file, "{ not json");
      }
    }
    assertThat(new ResultsCache(root).get("unit", "a.ATest")).isEmpty();
  }

  private static TestModule module(String moduleId, TaskState state, long duration) {
    return new TestModule() {
      @Override
      public String id() {
        return moduleId;
      }

      @Override
      public String moduleId() {
        return moduleId;
      }

      @Override
      public String project() {
        return "unit";
      }

      @Override
      public String pool() {
        return "threads";
      }

      @Override
      public TaskState state() {
        return state;
      }

      @Override
      public Optional<TaskResult> result() {
        return Optional.of(new TaskResult(state, duration, List.of(), 0, Optional.empty()));
      }

      @Override
      public List<TestCase> tests() {
        return List.of();
      }

      @Override
      public List<UserConsoleLog> logs() {
        return List.of();
      }

      @Override
      public long durationMillis() {
        return duration;
      }

      @Override
      public int poolId() {
        return 1;
      }

      @Override
      public long startTime() {
        return 1_000;
      }
    };
  }
}
