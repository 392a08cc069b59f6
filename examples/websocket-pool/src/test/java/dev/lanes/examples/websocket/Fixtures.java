package dev.lanes.examples.websocket;

import dev.lanes.testkit.PoolTestKit;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** This module's fixture classes as a run's test class path, and what the fixtures print. */
final class Fixtures {
  static final Path FOLDER = dev.lanes.testkit.TestClasspath.of(Fixtures.class);
  static final String PASSING = "**/fixtures/*Fixture.class";
  static final String EXITING = "**/crash/ExitingFixture.class";
  private static final Pattern PID = Pattern.compile("agent-pid=(\\d+)");

  private Fixtures() {
  }

  static PoolTestKit on(PoolTestKit kit, String include) {
    return kit.classpath(dev.lanes.testkit.TestClasspath.withJupiter(FOLDER)).testClassDirs(FOLDER).include(include)
        .option("maxWorkers", 2);
  }

  /** The process ids the fixtures printed: the agents that ran them. */
  static Set<Long> agentPids(String console) {
    Matcher matcher = PID.matcher(console);
    return matcher.results().map(m -> Long.parseLong(m.group(1))).collect(Collectors.toSet());
  }
}
