package dev.lanes.spi.report;

import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.Ids;
import dev.lanes.spi.protocol.TaskEvent;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TaskType;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.TestErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A suite of a {@link FileReport} (a class, a nested class, a script's group): it holds tests and suites, and its
 * result follows from theirs — failed if it or one of them failed, passed if one passed, skipped otherwise.
 */
public sealed class SuiteReport extends ReportNode permits FileReport {
  private final List<TestError> errors = new ArrayList<>();

  SuiteReport(FileReport file, SuiteReport parent, String id, String name, Optional<String> uniqueId, String source) {
    super(file, parent, id, name, uniqueId, source);
  }

  /** Declares a suite in this one; before the file starts it is part of the collected tree, after it is registered. */
  public final SuiteReport suite(String name) {
    return suite(name, source);
  }

  /**
   * Declares a suite written elsewhere than this one: {@code source} (a class name, a path) is what JUnit XML reports
   * give as its tests' {@code classname}, as a nested class's tests have the nested class's name.
   */
  public final SuiteReport suite(String name, String source) {
    synchronized (file) {
      return file.declared(this, new SuiteReport(file, this, Ids.childId(id, children.size()), name, Optional.empty(),
          source));
    }
  }

  /** Declares a test in this suite. */
  public final TestReport test(String name) {
    return test(name, Optional.empty());
  }

  /** Declares a test with the engine's own id, by which a later run can select it again ({@code testIds}). */
  public final TestReport test(String name, Optional<String> uniqueId) {
    synchronized (file) {
      return file.declared(this, new TestReport(file, this, Ids.childId(id, children.size()), name, uniqueId, source));
    }
  }

  /**
   * Whether the run selects a test named {@code testName} in this suite, as the JVM pools select theirs: the file's
   * {@code testNamePattern} (a regular expression) found in the test's name or in the name of a suite above it, and
   * its {@code testIds} (engine ids) holding {@code uniqueId} or an id it starts with (a test without an id is not
   * filtered by id). A pool that runs every test anyway reports only the selected ones.
   */
  public final boolean selects(String testName, Optional<String> uniqueId) {
    TestSpecification spec = file.spec;
    if (!spec.testIds().isEmpty() && uniqueId.isPresent() // a test without an id cannot be selected by one
        && spec.testIds().stream().noneMatch(uniqueId.get()::startsWith)) {
      return false;
    }
    if (spec.testNamePattern().isEmpty()) {
      return true;
    }
    Pattern pattern = Pattern.compile(spec.testNamePattern().get());
    if (pattern.matcher(testName).find()) {
      return true;
    }
    for (SuiteReport suite = this; suite != null; suite = suite.parent) {
      if (suite.parent != null && pattern.matcher(suite.name).find()) { // the file's own name selects nothing
        return true;
      }
    }
    return false;
  }

  /** Marks the suite (and those above it) started. Its tests start it themselves; call this for its time alone. */
  public final SuiteReport started() {
    synchronized (file) {
      checkOpen("start");
      start();
      return this;
    }
  }

  /** An error of the suite itself (a set-up that failed): the suite fails, its tests keep their own results. */
  public final void failed(Throwable error) {
    failed(TestErrors.trimmed(error));
  }

  public final void failed(TestError error) {
    synchronized (file) {
      checkOpen("fail");
      errors.add(error);
    }
  }

  /**
   * Ends the suite: a test that never started is skipped ("not run"), one that started and never ended fails, and
   * the suite's result follows from its tests'. Ending an ended suite does nothing.
   */
  public void finished() {
    synchronized (file) {
      if (stage != Stage.FINISHED && !file.collecting) {
        start();
        end();
      }
    }
  }

  @Override
  TaskType type() {
    return TaskType.SUITE;
  }

  Optional<String> note() {
    return Optional.empty();
  }

  @Override
  void start() {
    if (stage != Stage.DECLARED) {
      return;
    }
    if (parent != null) {
      parent.start();
    }
    startedNow();
    file.send(id, TaskResult.running(), TaskEvent.SUITE_PREPARE);
  }

  @Override
  void end() {
    if (stage == Stage.FINISHED) {
      return;
    }
    children.forEach(ReportNode::end);
    boolean failed = !errors.isEmpty() || children.stream().anyMatch(c -> c.result.state() == TaskState.FAIL);
    boolean passed = children.stream().anyMatch(c -> c.result.state() == TaskState.PASS);
    TaskState state = failed ? TaskState.FAIL : passed ? TaskState.PASS : TaskState.SKIP;
    result = new TaskResult(state, millisSinceStart(), errors, 0, note());
    stage = Stage.FINISHED;
    file.send(id, result, TaskEvent.SUITE_FINISHED);
  }
}
