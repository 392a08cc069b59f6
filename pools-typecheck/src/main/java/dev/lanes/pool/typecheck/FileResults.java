package dev.lanes.pool.typecheck;

import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskEvent;
import dev.lanes.spi.protocol.TaskEventPack;
import dev.lanes.spi.protocol.TaskMode;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskResultPack;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TaskType;
import dev.lanes.spi.protocol.TestError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;

/**
 * One type-test file's outcome: each compile error and failed type assertion goes to the test whose range holds
 * it, or to the file ("source error") when no test does; an error a test or comment expects is consumed by it,
 * and an expectation that nothing met fails in its place.
 */
final class FileResults {
  private final TypeTestTree tree;
  private final boolean ignoreSourceErrors;
  private final Map<String, List<TestError>> byTest = new LinkedHashMap<>();
  private final List<TestError> fileErrors = new ArrayList<>();
  private final Set<TypeTestTree.Expectation> met = new HashSet<>();

  FileResults(TypeTestTree tree, boolean ignoreSourceErrors) {
    this.tree = tree;
    this.ignoreSourceErrors = ignoreSourceErrors;
    tree.tests().forEach(test -> byTest.put(test.id(), new ArrayList<>()));
  }

  void compileError(Diagnostic<? extends JavaFileObject> diagnostic) {
    long position = diagnostic.getPosition() != Diagnostic.NOPOS ? diagnostic.getPosition()
        : diagnostic.getStartPosition();
    String message = diagnostic.getMessage(Locale.ENGLISH);
    Optional<TypeTestTree.Expectation> comment = tree.comments().stream()
        .filter(c -> c.covers(position) && c.accepts(message)).findFirst();
    if (comment.isPresent()) {
      met.add(comment.get());
      return;
    }
    Optional<TypeTestTree.TestRange> test = tree.testAt(position);
    Optional<TypeTestTree.Expectation> expected = test.flatMap(TypeTestTree.TestRange::expected)
        .filter(e -> e.accepts(message));
    if (expected.isPresent()) {
      met.add(expected.get());
      return;
    }
    add(position, test, error("TypeCheckError", message, tree.location(position)));
  }

  /** javac stopped before attributing this file: every test fails, since none was checked. */
  void notAnalyzed() {
    byTest.values().forEach(errors -> errors.add(TestError.of("TypeCheckError",
        "[typecheck] javac stopped before checking this file, after errors elsewhere; fix those and run again")));
  }

  void assertionFailed(TypeAssertionChecker.Failure failure) {
    add(failure.position(), tree.testAt(failure.position()),
        error("TypeAssertionError", failure.message(), tree.location(failure.position())));
  }

  private void add(long position, Optional<TypeTestTree.TestRange> test, TestError error) {
    if (test.isPresent()) {
      byTest.get(test.get().id()).add(error);
    } else if (!ignoreSourceErrors) {
      fileErrors.add(new TestError("SourceError", "outside every test: " + error.message(), error.stack(),
          Optional.empty(), Optional.empty(), Optional.empty()));
    }
  }

  /** Expectations nothing met, each a failure of its test (or of the file). */
  private void unmetExpectations() {
    for (TypeTestTree.Expectation comment : tree.comments()) {
      if (!met.contains(comment)) {
        long at = comment.start();
        Optional<TypeTestTree.TestRange> test = tree.testAt(at);
        TestError error = error("TypeCheckError", "expected " + comment.describe() + ", none occurred", comment.where());
        if (test.isPresent()) {
          byTest.get(test.get().id()).add(error);
        } else {
          fileErrors.add(error);
        }
      }
    }
    for (TypeTestTree.TestRange test : tree.tests()) {
      test.expected().filter(e -> !met.contains(e)).ifPresent(e -> byTest.get(test.id())
          .add(error("TypeCheckError", "expected " + e.describe() + ", none occurred", e.where())));
    }
  }

  List<TaskResultPack> packs(long durationMillis) {
    unmetExpectations();
    List<TaskResultPack> packs = new ArrayList<>();
    boolean failed = finish(tree.root(), packs);
    failed |= !fileErrors.isEmpty();
    boolean anyTests = !tree.tests().isEmpty();
    TaskResult file = failed ? TaskResult.failed(durationMillis, fileErrors)
        : anyTests ? TaskResult.passed(durationMillis) : TaskResult.skipped("no type tests found in " + tree.root().name());
    packs.add(new TaskResultPack(tree.root().id(), file));
    return packs;
  }

  /** The events of the file in Vitest's order: the file's start was sent when the batch began. */
  List<TaskEventPack> events() {
    List<TaskEventPack> events = new ArrayList<>();
    events(tree.root(), events);
    return events;
  }

  private void events(Task task, List<TaskEventPack> events) {
    for (Task child : task.children()) {
      if (child.type() == TaskType.TEST) {
        events.add(new TaskEventPack(child.id(), TaskEvent.TEST_PREPARE));
        events.add(new TaskEventPack(child.id(), TaskEvent.TEST_FINISHED));
      } else {
        events.add(new TaskEventPack(child.id(), TaskEvent.SUITE_PREPARE));
        events(child, events);
        events.add(new TaskEventPack(child.id(), TaskEvent.SUITE_FINISHED));
      }
    }
    if (task.type() == TaskType.FILE) {
      events.add(new TaskEventPack(task.id(), TaskEvent.SUITE_FINISHED));
    }
  }

  /** The final results of {@code task}'s descendants (the core applies results before events); whether any failed. */
  private boolean finish(Task task, List<TaskResultPack> packs) {
    boolean failed = false;
    for (Task child : task.children()) {
      if (child.type() == TaskType.TEST) {
        List<TestError> errors = byTest.getOrDefault(child.id(), List.of());
        TaskResult result = child.mode() == TaskMode.SKIP ? TaskResult.skipped("@Disabled")
            : errors.isEmpty() ? TaskResult.passed(0) : TaskResult.failed(0, errors);
        failed |= result.state() == TaskState.FAIL;
        packs.add(new TaskResultPack(child.id(), result));
      } else {
        failed |= finish(child, packs);
        packs.add(new TaskResultPack(child.id(), TaskResult.passed(0)));
      }
    }
    return failed;
  }

  private static TestError error(String name, String message, TypeTestTree.Location where) {
    return new TestError(name, message, Optional.of(where.frame()), Optional.empty(), Optional.empty(),
        Optional.empty());
  }
}
