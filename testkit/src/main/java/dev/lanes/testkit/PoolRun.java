package dev.lanes.testkit;

import dev.lanes.core.Lanes;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.protocol.TestError;
import java.util.List;
import java.util.NoSuchElementException;

/** What a {@link PoolTestKit} run recorded: the files with their results, the reporter events, the console. */
public final class PoolRun {
  private final Lanes.RunResult result;
  private final RecordingReporter recorder;
  private final String console;

  PoolRun(Lanes.RunResult result, RecordingReporter recorder, String console) {
    this.result = result;
    this.recorder = recorder;
    this.console = console;
  }

  public int exitCode() {
    return result.exitCode();
  }

  public List<TestModule> files() {
    return result.modules();
  }

  /** The file of this test class; throws if the run had none. */
  public TestModule file(String className) {
    return result.modules().stream().filter(m -> m.moduleId().equals(className)).findFirst()
        .orElseThrow(() -> new NoSuchElementException("no file " + className + " in " + result.modules().stream()
            .map(TestModule::moduleId).toList()));
  }

  public List<TestError> unhandledErrors() {
    return result.unhandledErrors();
  }

  /** One line per reporter event, in order. */
  public List<String> events() {
    return recorder.events();
  }

  /** Reporter events that broke the order rules; empty for a well-behaved pool. */
  public List<String> orderViolations() {
    return recorder.violations();
  }

  /** What the verbose reporter printed. */
  public String console() {
    return console;
  }
}
