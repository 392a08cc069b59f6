package dev.lanes.core.internal.reporters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.auto.service.AutoService;
import dev.lanes.spi.Reporter;
import dev.lanes.spi.ReporterOptions;
import dev.lanes.spi.ReporterProvider;
import dev.lanes.spi.TestCase;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TestError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Vitest's JSON report (Jest-compatible counts and {@code testResults} with {@code assertionResults}),
 * plus each file's task tree under {@code tasks}: suites with their tests, ids, states and durations.
 */
public final class JsonReporter implements Reporter {
  private static final ObjectMapper MAPPER = OutcomeJson.register(new ObjectMapper()
      .registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module()).enable(SerializationFeature.INDENT_OUTPUT));
  private final ReporterOptions options;
  private long start;

  JsonReporter(ReporterOptions options) {
    this.options = options;
  }

  @Override
  public void onTestRunStart(List<dev.lanes.spi.TestSpecification> specifications) {
    start = System.currentTimeMillis();
  }

  @Override
  public void onTestRunEnd(List<TestModule> modules, List<TestError> unhandledErrors, RunEndReason reason) {
    ObjectNode root = MAPPER.createObjectNode();
    List<TestCase> tests = modules.stream().flatMap(m -> m.tests().stream()).toList();
    root.put("numTotalTestSuites", modules.size());
    root.put("numPassedTestSuites", modules.stream().filter(m -> m.state() == TaskState.PASS).count());
    root.put("numFailedTestSuites", modules.stream().filter(m -> m.state() == TaskState.FAIL).count());
    root.put("numPendingTestSuites", modules.stream().filter(m -> m.state() == TaskState.SKIP).count());
    root.put("numTotalTests", tests.size());
    root.put("numPassedTests", count(tests, TaskState.PASS));
    root.put("numFailedTests", count(tests, TaskState.FAIL));
    root.put("numPendingTests", count(tests, TaskState.SKIP));
    root.put("numTodoTests", 0);
    root.put("startTime", start);
    root.put("success", reason == RunEndReason.PASSED);
    ArrayNode results = root.putArray("testResults");
    for (TestModule module : modules) {
      results.add(module(module));
    }
    ArrayNode errors = root.putArray("unhandledErrors");
    unhandledErrors.forEach(error -> errors.add(MAPPER.valueToTree(error.headline())));
    write(root);
  }

  private ObjectNode module(TestModule module) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", module.id());
    node.put("name", module.moduleId());
    node.put("project", module.project());
    node.put("pool", module.pool());
    node.put("status", status(module.state()));
    node.set("outcome", MAPPER.valueToTree(module.outcome()));
    node.put("startTime", module.startTime());
    node.put("endTime", module.startTime() + module.durationMillis());
    node.put("message", module.errors().stream().map(TestError::headline).reduce((a, b) -> a + "\n" + b)
        .or(() -> module.state() == TaskState.SKIP ? module.result().flatMap(TaskResult::note) : Optional.empty())
        .orElse(""));
    ArrayNode assertions = node.putArray("assertionResults");
    ObjectNode tree = MAPPER.createObjectNode();
    tree.put("id", module.id()).put("name", module.moduleId()).put("type", "file").put("state", status(module.state()));
    for (TestCase test : module.tests()) {
      assertions.add(assertion(test));
      suiteFor(tree, test.suitePath()).withArray("children").add(task(test));
    }
    node.set("tasks", tree);
    return node;
  }

  private ObjectNode assertion(TestCase test) {
    ObjectNode node = MAPPER.createObjectNode();
    ArrayNode ancestors = node.putArray("ancestorTitles");
    test.suitePath().forEach(ancestors::add);
    node.put("fullName", test.fullName());
    node.put("status", status(ConsoleFormat.state(test)));
    node.put("title", test.name());
    node.put("duration", test.result().map(TaskResult::durationMillis).orElse(0L));
    node.put("retryCount", test.result().map(TaskResult::retryCount).orElse(0));
    ArrayNode failures = node.putArray("failureMessages");
    test.result().map(TaskResult::errors).orElse(List.of())
        .forEach(error -> failures.add(error.headline() + "\n" + error.stack().orElse("")));
    node.put("id", test.id());
    test.uniqueId().ifPresent(id -> node.put("uniqueId", id));
    return node;
  }

  private ObjectNode task(TestCase test) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("id", test.id()).put("name", test.name()).put("type", "test").put("state", status(ConsoleFormat.state(test)));
    node.put("duration", test.result().map(TaskResult::durationMillis).orElse(0L));
    node.put("retryCount", test.result().map(TaskResult::retryCount).orElse(0));
    test.uniqueId().ifPresent(id -> node.put("uniqueId", id));
    return node;
  }

  private static ObjectNode suiteFor(ObjectNode file, List<String> path) {
    ObjectNode current = file;
    for (String name : path) {
      ArrayNode children = current.withArray("children");
      ObjectNode found = null;
      for (var child : children) {
        if ("suite".equals(child.path("type").asText()) && name.equals(child.path("name").asText())) {
          found = (ObjectNode) child;
        }
      }
      if (found == null) {
        found = children.addObject().put("name", name).put("type", "suite");
      }
      current = found;
    }
    return current;
  }

  private static long count(List<TestCase> tests, TaskState state) {
    return tests.stream().filter(t -> ConsoleFormat.state(t) == state).count();
  }

  private static String status(TaskState state) {
    return switch (state) {
      case PASS -> "passed";
      case FAIL -> "failed";
      case SKIP -> "skipped";
      case RUN -> "pending";
    };
  }

  private void write(ObjectNode root) {
    try {
      Optional<Path> file = options.outputFile();
      String json = MAPPER.writeValueAsString(root);
      if (file.isPresent()) {
        ReportFiles.write(options, file.get(), json, " JSON  report");
      } else {
        options.console().println(json);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the json report", e);
    }
  }

  /** {@code reporters = [json]}. */
  @AutoService(ReporterProvider.class)
  public static final class Provider implements ReporterProvider {
    @Override
    public String name() {
      return "json";
    }

    @Override
    public Reporter create(ReporterOptions options) {
      return new JsonReporter(options);
    }
  }
}
