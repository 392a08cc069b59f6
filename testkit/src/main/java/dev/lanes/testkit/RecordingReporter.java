package dev.lanes.testkit;

import dev.lanes.spi.Reporter;
import dev.lanes.spi.TestCase;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.TestError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Records one line per reporter event and checks Vitest's order rules as they arrive: every result
 * has an earlier ready, a case comes after its module started, a module ends exactly once, and by
 * the end of the run every queued module has ended. Broken rules are listed in {@link #violations()}.
 */
public final class RecordingReporter implements Reporter {
  private final List<String> events = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private final Set<String> queued = new HashSet<>();
  private final Set<String> collected = new HashSet<>();
  private final Set<String> started = new HashSet<>();
  private final Set<String> ended = new HashSet<>();
  private final Set<String> ready = new HashSet<>();
  private final Set<String> finished = new HashSet<>();
  private boolean runStarted;
  private boolean runEnded;

  @Override
  public synchronized void onTestRunStart(List<TestSpecification> specifications) {
    check(!runStarted, "onTestRunStart came twice");
    runStarted = true;
    events.add("run start " + specifications.size());
  }

  @Override
  public synchronized void onTestModuleQueued(TestModule module) {
    check(queued.add(module.id()), "module " + module.moduleId() + " was queued twice");
    events.add("queued " + module.moduleId());
  }

  @Override
  public synchronized void onTestModuleCollected(TestModule module) {
    check(queued.contains(module.id()), "module " + module.moduleId() + " was collected before it was queued");
    collected.add(module.id());
    events.add("collected " + module.moduleId());
  }

  @Override
  public synchronized void onTestModuleStart(TestModule module) {
    check(collected.contains(module.id()), "module " + module.moduleId() + " started before it was collected");
    check(started.add(module.id()), "module " + module.moduleId() + " started twice");
    events.add("start " + module.moduleId());
  }

  @Override
  public synchronized void onTestCaseReady(TestCase testCase) {
    check(started.contains(testCase.module().id()), "test " + testCase.fullName() + " was ready before its module started");
    check(ready.add(testCase.id()), "test " + testCase.fullName() + " was ready twice");
    events.add("ready " + testCase.fullName());
  }

  @Override
  public synchronized void onTestCaseResult(TestCase testCase) {
    check(ready.contains(testCase.id()), "test " + testCase.fullName() + " has a result without being ready");
    check(finished.add(testCase.id()), "test " + testCase.fullName() + " has two results");
    events.add("result " + testCase.fullName() + " " + testCase.result().map(r -> r.state().name()).orElse("none"));
  }

  @Override
  public synchronized void onTestModuleEnd(TestModule module) {
    check(ended.add(module.id()), "module " + module.moduleId() + " ended twice");
    for (TestCase test : module.tests()) {
      check(finished.contains(test.id()), "module " + module.moduleId() + " ended before test " + test.fullName() + " had a result");
    }
    events.add("end " + module.moduleId() + " " + module.state());
  }

  @Override
  public synchronized void onTestRunEnd(List<TestModule> modules, List<TestError> unhandledErrors, RunEndReason reason) {
    check(!runEnded, "onTestRunEnd came twice");
    runEnded = true;
    for (TestModule module : modules) {
      check(ended.contains(module.id()), "the run ended but module " + module.moduleId() + " never did");
    }
    events.add("run end " + reason);
  }

  public synchronized List<String> events() {
    return List.copyOf(events);
  }

  public synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  private void check(boolean rule, String violation) {
    if (!rule) {
      violations.add(violation);
    }
  }
}
