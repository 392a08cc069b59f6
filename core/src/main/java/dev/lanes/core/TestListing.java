package dev.lanes.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lanes.spi.TestCase;
import dev.lanes.spi.TestModule;
import java.util.List;

/** What {@code lanes list} and {@code lanes:list} print of the collected tests: lines, or JSON with {@code --json}. */
public final class TestListing {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TestListing() {
  }

  /**
   * A line per test, {@code [project] full name  [tags]  unique id}, and a line per file that could not be collected.
   */
  public static List<String> lines(List<TestModule> modules) {
    List<String> lines = new java.util.ArrayList<>();
    for (TestModule module : modules) {
      module.errors().forEach(e -> lines.add(module.moduleId() + "  (cannot collect: " + e.headline() + ")"));
      for (TestCase test : module.tests()) {
        lines.add((module.project().isEmpty() ? "" : "[" + module.project() + "] ") + test.fullName() + "  "
            + (test.tags().isEmpty() ? "" : "@" + String.join(" @", test.tags()) + "  ")
            + test.uniqueId().orElse(test.id()));
      }
    }
    return lines;
  }

  /** Every test with its file, project, task id and engine unique id, as a JSON array. */
  public static String json(List<TestModule> modules) {
    ArrayNode tests = MAPPER.createArrayNode();
    for (TestModule module : modules) {
      for (TestCase test : module.tests()) {
        tests.addObject()
            .put("name", test.fullName())
            .put("file", module.moduleId())
            .put("project", module.project())
            .put("id", test.id())
            .put("uniqueId", test.uniqueId().orElse(""))
            .set("tags", MAPPER.valueToTree(test.tags()));
      }
    }
    try {
      return MAPPER.writeValueAsString(tests);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the test list. This is a bug in Lanes.", e);
    }
  }
}
