package dev.lanes.core.internal.state;

import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskType;
import dev.lanes.spi.protocol.UserConsoleLog;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A file of an earlier run (a blob) reported again as if it ran now: the same events in the same order, its output
 * where it was printed, with its own start time, duration, worker and outcome. Called under the run's lock.
 */
final class Replay {
  private Replay() {
  }

  /** Adds {@code file} to the run's {@code modules} and {@code tasks}, its events through {@code order} and {@code printed}. */
  static void file(RunSnapshot.FileSnapshot file, Map<String, ModuleState> modules, Map<String, TaskNode> tasks,
                   EventOrder order, Consumer<UserConsoleLog> printed) {
    ModuleState module = modules.computeIfAbsent(file.id(),
        id -> new ModuleState(id, file.moduleId(), file.project(), file.pool()));
    module.poolId = file.poolId();
    module.startTime = file.startTime();
    module.durationMillis = file.durationMillis();
    module.replayed = true;
    for (Task task : file.tasks()) {
      module.roots.add(module.add(task, null, tasks));
    }
    order.queued(module);
    order.started(module);
    file.logs().stream().filter(log -> log.taskId().map(tasks::get).map(n -> n.type() != TaskType.TEST).orElse(true))
        .forEach(printed); // the file's and its suites' own output (static initialisers, class-level hooks) came first
    for (TaskNode test : module.testNodes()) {
      test.result = file.results().get(test.id());
      order.ready(test);
      file.logs().stream().filter(log -> log.taskId().filter(test.id()::equals).isPresent()).forEach(printed);
      order.finish(test);
    }
    file.results().forEach((id, result) -> {
      TaskNode node = tasks.get(id);
      if (node != null && node.type() != TaskType.TEST) {
        node.result = result;
      }
    });
    module.result = file.result().orElse(null);
    module.outcome = file.outcome().orElse(null);
    order.end(module);
  }
}
