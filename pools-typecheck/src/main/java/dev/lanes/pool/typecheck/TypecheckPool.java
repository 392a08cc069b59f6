package dev.lanes.pool.typecheck;

import dev.lanes.spi.PoolContext;
import dev.lanes.spi.ProcessPool;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.TestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Vitest's {@code typescript} pool for Java: each project's type-test sources are one javac batch, compiled in
 * this JVM on a thread of the pool's own, and reported through the same state and reporters as every pool.
 * Projects are checked one after the other (javac uses a core well; two at once would mostly contend).
 */
final class TypecheckPool implements ProcessPool {
  private final PoolContext context;
  private final TypecheckOptions options;
  private final ExecutorService compiler = Executors.newSingleThreadExecutor(task -> {
    Thread thread = new Thread(task, "lanes-typecheck");
    thread.setDaemon(true); // an interrupted run does not wait for javac
    return thread;
  });

  TypecheckPool(PoolContext context, TypecheckOptions options) {
    this.context = context;
    this.options = options;
  }

  @Override
  public String name() {
    return "typecheck";
  }

  @Override
  public CompletionStage<Void> runTests(List<TestSpecification> specs, List<String> invalidates) {
    return check(specs, false);
  }

  @Override
  public CompletionStage<Void> collectTests(List<TestSpecification> specs, List<String> invalidates) {
    return check(specs, true);
  }

  @Override
  public CompletionStage<Void> close() {
    compiler.shutdown();
    return CompletableFuture.completedFuture(null);
  }

  private CompletionStage<Void> check(List<TestSpecification> specs, boolean collectOnly) {
    Map<TestProject, List<TestSpecification>> byProject = new LinkedHashMap<>();
    specs.forEach(spec -> byProject.computeIfAbsent(spec.project(), p -> new java.util.ArrayList<>()).add(spec));
    return CompletableFuture.runAsync(() -> byProject.forEach((project, files) ->
        new TypecheckBatch(project, files, options, context.createMethodsRPC(project, collectOnly)).run(collectOnly)),
        compiler);
  }
}
