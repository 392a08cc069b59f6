package dev.lanes.spi;

import dev.lanes.spi.protocol.TaskMode;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.UserConsoleLog;
import java.util.List;
import java.util.Optional;

/** A test as reporters see it: a live, read-only view. */
public interface TestCase {
  String id();

  /** The test's display name. */
  String name();

  /** Suite names from the file down, then the test's name, joined with " > ". */
  String fullName();

  /** Names of the enclosing suites below the file (nested classes, parameterized containers). */
  List<String> suitePath();

  /** The binary name of the class that declares the test, where the engine tells it. */
  Optional<String> className();

  /**
   * The display name of the class that declares the test (its {@code @DisplayName}, or by default its simple name),
   * where the engine tells it: the name of the suite for that class.
   */
  default Optional<String> classDisplayName() {
    return Optional.empty();
  }

  /** The engine's unique id, to select this test again. */
  Optional<String> uniqueId();

  /** The name build tools report it by (JUnit's legacy reporting name), where the engine gives one. */
  Optional<String> reportingName();

  /** The test's tags (JUnit's {@code @Tag}, its class's included), where the engine gives them. */
  default List<String> tags() {
    return List.of();
  }

  TaskMode mode();

  Optional<TaskResult> result();

  List<UserConsoleLog> logs();

  TestModule module();
}
