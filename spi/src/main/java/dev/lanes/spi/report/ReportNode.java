package dev.lanes.spi.report;

import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskMode;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskType;
import dev.lanes.spi.protocol.UserConsoleLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A file, suite or test of a {@link FileReport}: its id, assigned when it is declared, and its output. */
public abstract sealed class ReportNode permits SuiteReport, TestReport {
  enum Stage { DECLARED, STARTED, FINISHED }

  final FileReport file;
  final SuiteReport parent;
  final String id;
  final String name;
  final Optional<String> uniqueId;
  final String source;
  final List<ReportNode> children = new ArrayList<>();
  Stage stage = Stage.DECLARED;
  TaskResult result;
  private long startedAt;

  ReportNode(FileReport file, SuiteReport parent, String id, String name, Optional<String> uniqueId, String source) {
    this.file = file == null ? (FileReport) this : file;
    this.parent = parent;
    this.id = id;
    this.name = name;
    this.uniqueId = uniqueId;
    this.source = source;
  }

  /** The task id ({@code Ids}' scheme): a child's is its parent's and its index. */
  public final String id() {
    return id;
  }

  public final String name() {
    return name;
  }

  /** Text this task printed, attributed to it in reports. */
  public final void output(String text) {
    log(text, UserConsoleLog.ConsoleStream.STDOUT);
  }

  /** Text this task printed to its error stream. */
  public final void errorOutput(String text) {
    log(text, UserConsoleLog.ConsoleStream.STDERR);
  }

  /** Output belongs to a running task: one not yet started starts (so the run knows it) before its output is sent. */
  private void log(String text, UserConsoleLog.ConsoleStream stream) {
    synchronized (file) {
      if (stage == Stage.DECLARED && !file.collecting) {
        start();
      }
      file.rpc.onUserConsoleLog(new UserConsoleLog(text, stream, Optional.of(id), System.currentTimeMillis()));
    }
  }

  abstract TaskType type();

  /** Marks this task and the suites above it started, sending their prepare events in order. */
  abstract void start();

  /** Ends this task; a task that never got its result is ended the way the built-in pools end one. */
  abstract void end();

  void startedNow() {
    stage = Stage.STARTED;
    startedAt = System.nanoTime();
  }

  long millisSinceStart() {
    return stage == Stage.DECLARED ? 0 : (System.nanoTime() - startedAt) / 1_000_000;
  }

  Task task() {
    Optional<Task.Location> where = Optional.of(new Task.Location(source, 0));
    return new Task(id, name, type(), TaskMode.RUN, uniqueId, where, children.stream().map(ReportNode::task).toList());
  }

  void checkOpen(String doing) {
    if (file.collecting) {
      throw new IllegalStateException("a collecting report runs no test: cannot " + doing + " '" + name + "'");
    }
    if (stage == Stage.FINISHED) {
      throw new IllegalStateException("'" + name + "' already ended (" + result.state() + "): cannot " + doing);
    }
  }
}
