package dev.lanes.core.internal.state;

import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskState;
import java.util.List;
import java.util.Optional;

/**
 * The order of a run's reporter events, repaired where a worker skipped one: a file is queued, collected and started
 * before its first test is ready; a test is ready before its result; a file ends once, after its tests, each of which
 * ends then if it had not (skipped, "not run"). Every event reaches the reporters at most once. Called under the run's
 * lock.
 */
final class EventOrder {
  private final Reporters reporters;
  private final Runnable testFailed;

  /** {@code testFailed} runs after the reporters heard of each failed test (the run's bail counts them). */
  EventOrder(Reporters reporters, Runnable testFailed) {
    this.reporters = reporters;
    this.testFailed = testFailed;
  }

  void queued(ModuleState module) {
    if (!module.queued) {
      module.queued = true;
      if (module.startTime == 0) {
        module.startTime = System.currentTimeMillis();
      }
      reporters.each(r -> r.onTestModuleQueued(module));
    }
  }

  void started(ModuleState module) {
    queued(module);
    if (!module.collected) {
      module.collected = true;
      reporters.each(r -> r.onTestModuleCollected(module));
    }
    if (!module.started) {
      module.started = true;
      reporters.each(r -> r.onTestModuleStart(module));
    }
  }

  void ready(TaskNode node) {
    started((ModuleState) node.module());
    if (!node.ready) {
      node.ready = true;
      reporters.each(r -> r.onTestCaseReady(node));
    }
  }

  void finish(TaskNode node) {
    ready(node);
    if (!node.finished && node.result != null && node.result.state().isFinal()) {
      node.finished = true;
      reporters.each(r -> r.onTestCaseResult(node));
      if (node.result.state() == TaskState.FAIL) {
        testFailed.run();
      }
    }
  }

  void end(ModuleState module) {
    if (module.ended) {
      return;
    }
    started(module);
    boolean crashed = module.result != null && module.result.state() == TaskState.FAIL && !module.result.errors().isEmpty();
    String note = crashed ? "not run: " + module.result.errors().get(0).message()
        : module.result != null ? module.result.note().orElse("not run") : "not run";
    for (TaskNode test : module.testNodes()) {
      if (test.result == null || !test.result.state().isFinal()) {
        test.result = TaskResult.skipped(note);
      }
      finish(test);
    }
    if (module.result == null || !module.result.state().isFinal()) {
      module.result = new TaskResult(summarize(module), module.durationMillis, List.of(), 0, Optional.empty());
    }
    if (module.result.state() != TaskState.FAIL && module.testNodes().stream()
        .anyMatch(t -> t.result.state() == TaskState.FAIL)) {
      module.result = new TaskResult(TaskState.FAIL, module.result.durationMillis(), module.result.errors(), 0,
          module.result.note());
    }
    if (module.startTime > 0 && !module.replayed) {
      module.durationMillis = Math.max(module.result.durationMillis(), System.currentTimeMillis() - module.startTime);
    }
    module.ended = true;
    reporters.each(r -> r.onTestModuleEnd(module));
  }

  private static TaskState summarize(ModuleState module) {
    List<TaskNode> tests = module.testNodes();
    if (tests.stream().anyMatch(t -> t.result != null && t.result.state() == TaskState.FAIL)) {
      return TaskState.FAIL;
    }
    return tests.stream().anyMatch(t -> t.result != null && t.result.state() == TaskState.PASS)
        ? TaskState.PASS : TaskState.SKIP;
  }
}
