package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A reused worker JVM is never poisoned for the next file: {@code examples/global-state} has classes that each check
 * the JVM is as it started, then change what the whole JVM shares (default locale and time zone, system properties,
 * {@code System.out}/{@code err}, a security manager) and do not put it back. In one vmForks worker every class passes,
 * and the run says which file changed what; a security manager that refuses to go retires the worker.
 */
class GlobalStateIT {
  @Test
  void everyClassStartsFromTheJvmsDefaultsInOneReusedWorker() throws Exception {
    LanesCli.Result run = LanesCli.run(LanesCli.REPO, "run", "--root", LanesCli.example("global-state").toString(),
        "--pool", "vmForks", "--maxWorkers", "1");

    assertThat(run.exitCode()).as(run.all()).isZero();
    assertThat(run.out())
        .contains("dev.lanes.globalstate.LocaleChangingTest changed what the whole JVM shares and did not put it back: "
            + "the default Locale")
        .contains("dev.lanes.globalstate.PropertyChangingTest changed what the whole JVM shares and did not put it "
            + "back: 2 system properties: fixture.poisoned (unset → 'yes'), java.specification.version")
        .contains("dev.lanes.globalstate.StreamChangingTest changed what the whole JVM shares and did not put it back: "
            + "System.out; System.err. Put back for the next file.");
    if (Runtime.version().feature() > 17) {
      // from JDK 18 on no test may install a security manager: those two classes skip themselves
      assertThat(run.out()).contains("Test Files  5 passed (5)", "Tests  8 passed | 2 skipped (10)");
      return;
    }
    assertThat(run.out()).contains("Test Files  5 passed (5)", "Tests  10 passed (10)")
        .contains("dev.lanes.globalstate.SecurityManagerTest changed what the whole JVM shares and did not put it back: "
            + "a SecurityManager")
        .contains("dev.lanes.globalstate.StubbornSecurityManagerTest left a SecurityManager that refuses to be removed");
    assertThat(run.all()).contains("[vmForks] worker 1 was retired after "
        + "dev.lanes.globalstate.StubbornSecurityManagerTest: its JVM keeps a SecurityManager that refuses to be removed");
  }
}
