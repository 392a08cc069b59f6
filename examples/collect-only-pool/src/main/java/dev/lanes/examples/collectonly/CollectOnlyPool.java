package dev.lanes.examples.collectonly;

import dev.lanes.spi.PoolContext;
import dev.lanes.spi.ProcessPool;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.Ids;
import dev.lanes.spi.protocol.RuntimeRpc;
import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskEvent;
import dev.lanes.spi.protocol.TaskEventPack;
import dev.lanes.spi.protocol.TaskMode;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskResultPack;
import dev.lanes.spi.protocol.TaskType;
import dev.lanes.spi.protocol.TestError;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Vitest's custom-pool fixture, on the JVM: reports each file's tests as collected, without running any.
 * Test methods are found by reflection (classes are loaded, never initialised). {@code lanes list} shows
 * them; {@code lanes run} reports every one as skipped, "collected only".
 *
 * <p>This pool speaks to the core directly through {@link PoolContext#createMethodsRPC}: the events a
 * worker would send, in the order the core expects — queued, collected, then task updates.
 */
final class CollectOnlyPool implements ProcessPool {
  static final String NOT_RUN = "collected only: the collect-only pool runs no test";

  private final PoolContext context;
  private final CollectOnlyOptions options;
  private final Map<TestProject, URLClassLoader> loaders = new HashMap<>();

  CollectOnlyPool(PoolContext context, CollectOnlyOptions options) {
    this.context = context;
    this.options = options;
  }

  @Override
  public String name() {
    return "collect-only";
  }

  @Override
  public CompletionStage<Void> runTests(List<TestSpecification> specs, List<String> invalidates) {
    specs.forEach(spec -> report(spec, false));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public CompletionStage<Void> collectTests(List<TestSpecification> specs, List<String> invalidates) {
    specs.forEach(spec -> report(spec, true));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized CompletionStage<Void> close() {
    for (URLClassLoader loader : loaders.values()) {
      try {
        loader.close();
      } catch (IOException e) {
        context.logger().warn("[collect-only] could not close a class loader: " + e);
      }
    }
    loaders.clear();
    return CompletableFuture.completedFuture(null);
  }

  private void report(TestSpecification spec, boolean collect) {
    RuntimeRpc rpc = context.createMethodsRPC(spec.project(), collect);
    String fileId = spec.fileId();
    Optional<Task.Location> where = Optional.of(new Task.Location(spec.moduleId(), 0));
    rpc.onQueued(new Task(fileId, spec.moduleId(), TaskType.FILE, TaskMode.QUEUED, Optional.empty(), where, List.of()));
    List<Task> tests = new ArrayList<>();
    Optional<TestError> problem = Optional.empty();
    try {
      List<String> names = testMethods(spec);
      for (int i = 0; i < names.size(); i++) {
        tests.add(new Task(Ids.childId(fileId, i), names.get(i) + "()", TaskType.TEST, TaskMode.RUN, Optional.empty(),
            where, List.of()));
      }
    } catch (ClassNotFoundException | LinkageError e) {
      problem = Optional.of(TestError.of(e.getClass().getName(), "cannot load " + spec.moduleId() + ": " + e.getMessage()));
    }
    rpc.onCollected(List.of(new Task(fileId, spec.moduleId(), TaskType.FILE, TaskMode.RUN, Optional.empty(), where,
        tests)));
    if (collect) {
      return;
    }
    List<TaskResultPack> results = new ArrayList<>();
    List<TaskEventPack> events = new ArrayList<>();
    results.add(new TaskResultPack(fileId, TaskResult.running()));
    events.add(new TaskEventPack(fileId, TaskEvent.SUITE_PREPARE));
    for (Task test : tests) {
      results.add(new TaskResultPack(test.id(), TaskResult.skipped(NOT_RUN)));
      events.add(new TaskEventPack(test.id(), TaskEvent.TEST_FINISHED));
    }
    results.add(new TaskResultPack(fileId, problem.map(error -> TaskResult.failed(0, List.of(error)))
        .orElse(TaskResult.skipped(NOT_RUN))));
    events.add(new TaskEventPack(fileId, TaskEvent.SUITE_FINISHED));
    rpc.onTaskUpdate(results, events);
  }

  /** The names of the class's test methods, in name order; the class is loaded but not initialised. */
  private List<String> testMethods(TestSpecification spec) throws ClassNotFoundException {
    Class<?> type = Class.forName(spec.moduleId(), false, loader(spec.project()));
    return Arrays.stream(type.getDeclaredMethods()).filter(this::isTest).map(Method::getName)
        .sorted(Comparator.naturalOrder()).toList();
  }

  private boolean isTest(Method method) {
    for (Annotation annotation : method.getAnnotations()) {
      if (annotation.annotationType().getName().equals(options.testAnnotation())) {
        return true;
      }
    }
    return false;
  }

  private synchronized URLClassLoader loader(TestProject project) {
    return loaders.computeIfAbsent(project, p -> {
      URL[] urls = p.classpath().stream().map(CollectOnlyPool::url).toArray(URL[]::new);
      return new URLClassLoader("collect-only", urls, ClassLoader.getPlatformClassLoader());
    });
  }

  private static URL url(Path path) {
    try {
      return path.toUri().toURL();
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException("not a class path entry: " + path, e);
    }
  }
}
