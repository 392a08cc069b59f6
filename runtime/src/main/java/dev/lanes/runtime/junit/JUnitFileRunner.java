package dev.lanes.runtime.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.lanes.runtime.ConsoleCapture;
import dev.lanes.runtime.ErrorMapper;
import dev.lanes.runtime.Exits;
import dev.lanes.runtime.TaskUpdates;
import dev.lanes.spi.protocol.FileSpec;
import dev.lanes.spi.protocol.RuntimeRpc;
import dev.lanes.spi.protocol.TaskEvent;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.UserConsoleLog;
import dev.lanes.spi.protocol.WorkerSettings;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs (or only collects) one test class through the JUnit Platform launcher found on the
 * worker's class path, reporting queued → collected → task updates → logs to the host. Uses only
 * launcher API common to Platform 1.8+ and 6.x, so suites on JUnit 5 and JUnit 6 both run.
 */
public final class JUnitFileRunner {
  private final RuntimeRpc rpc;
  private final ConsoleCapture capture;
  private final boolean startsAtOnce;
  private final WorkerSettings settings;
  private volatile TaskUpdates current;
  private volatile String outOfMemory;
  /** What stops the running execution between tests (JUnit Platform 6), while one runs. */
  private final AtomicReference<Runnable> cancel = new AtomicReference<>();
  private volatile boolean cancelled;
  private boolean closed;
  private Boolean cancellable;
  private LauncherSession session;

  /**
   * A runner that applies the worker's {@code settings}: a failing test runs again {@code retry} times (selected by its
   * unique id, after its file's run); only tests that match one of the {@code tags} run (all, when there are none); the
   * configuration parameters go over the project's {@code junit-platform.properties}; the test time-out is Jupiter's
   * default time-out.
   */
  public JUnitFileRunner(RuntimeRpc rpc, ConsoleCapture capture, WorkerSettings settings, boolean startsAtOnce) {
    this.rpc = rpc;
    this.capture = capture;
    this.settings = settings;
    this.startsAtOnce = startsAtOnce;
    DiscoveryIssues.open();
  }

  /** Reports the file; returns normally even when its tests fail. Throws only when the machinery breaks. */
  public void run(FileSpec file, boolean collectOnly) {
    rpc.onQueued(TaskTree.queued(file));
    BiConsumer<Boolean, String> previous = capture.attribute(file.fileId());
    TaskUpdates updates = new TaskUpdates(rpc, startsAtOnce);
    current = updates;
    long started = System.nanoTime();
    try {
      Optional<TestError> loadError = loadClass(file.moduleId());
      if (loadError.isPresent()) {
        rpc.onCollected(List.of(TaskTree.queued(file)));
        finishFile(file, updates, TaskResult.failed(0, List.of(loadError.get())));
        return;
      }
      DiscoveryIssues.start();
      Set<String> issuesTold = new HashSet<>();
      TestPlan plan = launcher().discover(request(file));
      TaskTree tree = new TaskTree(file, plan, collectOnly);
      rpc.onCollected(List.of(tree.root()));
      tellIssues(file, issuesTold);
      if (collectOnly) {
        return;
      }
      if (tree.isEmpty()) {
        finishFile(file, updates, TaskResult.skipped("no tests found in " + file.moduleId()));
        return;
      }
      updates.add(file.fileId(), TaskResult.running(), TaskEvent.SUITE_PREPARE);
      ReportingListener listener = new ReportingListener(tree, updates, rpc, capture, settings.retry());
      Exits.take(); // an exit left over from an earlier file is not this file's
      execute(plan, listener);
      for (List<String> again = listener.nextAttempt(); !again.isEmpty() && !cancelled;
           again = listener.nextAttempt()) {
        launcher().execute(launcher().discover(retryRequest(again)), listener); // Surefire's way: after the class
      }
      listener.endRetries();
      tellIssues(file, issuesTold);
      listener.outOfMemory().ifPresent(error -> outOfMemory = error);
      TaskResult result = listener.fileResult(millisSince(started));
      Optional<Exits.SystemExitError> exit = Exits.take();
      if (exit.isPresent() && result.state() != TaskState.FAIL) {
        // the test caught it, or it came from a thread of its own: the file still fails
        result = TaskResult.failed(result.durationMillis(), List.of(ErrorMapper.map(exit.get())));
      }
      finishFile(file, updates, result);
    } finally {
      DiscoveryIssues.stop();
      capture.restore(previous);
      updates.flush();
      capture.drain(file.fileId(), Optional.of(file.fileId())).forEach(rpc::onUserConsoleLog);
    }
  }

  /**
   * The {@code OutOfMemoryError} a test of the files run so far failed with, if any, and forgets it: a JVM that ran out
   * of memory may hold state that fails the next file.
   */
  public Optional<String> takeOutOfMemory() {
    String error = outOfMemory;
    outOfMemory = null;
    return Optional.ofNullable(error);
  }

  /** Sends the running file's batched updates now; any thread may call it. */
  public void flushPending() {
    TaskUpdates updates = current;
    if (updates != null) {
      updates.flush();
    }
  }

  private void finishFile(FileSpec file, TaskUpdates updates, TaskResult result) {
    updates.add(file.fileId(), result, TaskEvent.SUITE_FINISHED);
  }

  private LauncherDiscoveryRequest request(FileSpec file) {
    List<DiscoverySelector> selectors = file.testIds().isEmpty()
        ? List.of(selectClass(file.moduleId()))
        : file.testIds().stream().<DiscoverySelector>map(id -> selectUniqueId(id)).toList();
    LauncherDiscoveryRequestBuilder builder = withTimeout(LauncherDiscoveryRequestBuilder.request().selectors(selectors));
    file.testNamePattern().ifPresent(pattern -> builder.filters(new DisplayNameFilter(pattern)));
    if (!settings.tags().isEmpty()) {
      builder.filters(TagFilter.includeTags(settings.tags()));
    }
    return builder.build();
  }

  /** The tests that failed, selected again by their engine unique ids. */
  private LauncherDiscoveryRequest retryRequest(List<String> uniqueIds) {
    return withTimeout(LauncherDiscoveryRequestBuilder.request()
        .selectors(uniqueIds.stream().<DiscoverySelector>map(id -> selectUniqueId(id)).toList())).build();
  }

  private LauncherDiscoveryRequestBuilder withTimeout(LauncherDiscoveryRequestBuilder builder) {
    builder.configurationParameters(settings.configurationParameters());
    if (settings.testTimeoutMillis() > 0) {
      builder.configurationParameter("junit.jupiter.execution.timeout.default", settings.testTimeoutMillis() + " ms");
    }
    return builder;
  }

  /**
   * One launcher session for the worker's life, as Surefire keeps one per fork: {@code LauncherFactory.create()}
   * would build a new launcher (its engines and listeners found again through the service loader) for every
   * discovery and every execution. Opened in the first file's class loader, so engines and listeners the project
   * declares itself are found.
   */
  /** Runs the plan, cancellably where the user's platform can (6.x); a cancel that came first skips it all. */
  private void execute(TestPlan plan, TestExecutionListener listener) {
    if (cancellable == null) {
      cancellable = Cancellable.supported(Launcher.class.getClassLoader());
    }
    if (cancellable) {
      Cancellable.execute(launcher(), plan, listener, cancel);
    } else {
      launcher().execute(plan, listener);
    }
  }

  /**
   * The run stopped handing out files (a bail, Ctrl-C, {@code q}): on JUnit Platform 6 the running class stops at the
   * next test, its other tests reported skipped by the engine; before 6 the file runs to its end.
   */
  public void cancel() {
    cancelled = true;
    Runnable running = cancel.get();
    if (running != null) {
      running.run();
    }
  }

  /** The discovery issues of the file not told yet, as its own output (stderr), after its tree has its name. */
  private void tellIssues(FileSpec file, Set<String> told) {
    for (String issue : DiscoveryIssues.take(told)) {
      rpc.onUserConsoleLog(new UserConsoleLog(issue.endsWith("\n") ? issue : issue + "\n",
          UserConsoleLog.ConsoleStream.STDERR, Optional.of(file.fileId()), System.currentTimeMillis()));
    }
  }

  /** A new request: files run whole again. */
  public void resume() {
    cancelled = false;
  }

  private Launcher launcher() {
    if (session == null) {
      session = LauncherFactory.openSession();
    }
    return session.getLauncher();
  }

  /** Ends the launcher session (its listeners hear of it); the runner takes no files after this. */
  public void close() {
    if (!closed) {
      closed = true;
      DiscoveryIssues.close();
    }
    if (session != null) {
      session.close();
      session = null;
    }
  }

  private static Optional<TestError> loadClass(String className) {
    try {
      Class.forName(className, false, Thread.currentThread().getContextClassLoader());
      return Optional.empty();
    } catch (ClassNotFoundException | LinkageError e) {
      TestError error = ErrorMapper.map(e);
      return Optional.of(TestError.of(e.getClass().getName(), "cannot load test class '" + className + "': "
          + e.getMessage()).withCause(error));
    }
  }

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

}
