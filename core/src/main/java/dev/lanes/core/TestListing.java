package dev.lanes.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.lanes.spi.TestCase;
import dev.lanes.spi.TestModule;
import java.util.List;

/** {@code lanes list --json}: every test with its file, project, task id and engine unique id. */
final class TestListing {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TestListing() {
  }

  static String json(List<TestModule> modules) {
    ArrayNode tests = MAPPER.createArrayNode();
    for (TestModule module : modules) {
      for (TestCase test : module.tests()) {
        tests.addObject()
            .put("name", test.fullName())
            .put("file", module.moduleId())
            .put("project", module.project())
            .put("id", test.id())
            .put("uniqueId", test.uniqueId().orElse(""));
      }
    }
    try {
      return MAPPER.writeValueAsString(tests);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the test list. This is a bug in Lanes.", e);
    }
  }
}
