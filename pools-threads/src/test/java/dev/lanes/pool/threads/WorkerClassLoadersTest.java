package dev.lanes.pool.threads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.spi.TestProject;
import dev.lanes.testkit.TestClasspath;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WorkerClassLoadersTest {
  private static final Path FIXTURES = TestClasspath.of(WorkerClassLoadersTest.class);
  private static final TestProject PROJECT = TestProject.builder("app", FIXTURES, "threads")
      .classpath(TestClasspath.withJupiter(FIXTURES)).maxWorkers(2).testTimeout(Duration.ofSeconds(5))
      .teardownTimeout(Duration.ofSeconds(1)).build();
  private static final String FIXTURE = "dev.lanes.pool.threads.fixtures.CounterOneFixture";

  private final WorkerClassLoaders.Isolated loaders = new WorkerClassLoaders.Isolated();

  @AfterEach
  void close() {
    loaders.close();
  }

  @Test
  void anIsolatedWorkerLoadsItsTestsAnewOverTheTestFrameworkItsSlotKeeps() throws ClassNotFoundException {
    WorkerClassLoaders.Loaders first = loaders.create(PROJECT, 1, true);
    WorkerClassLoaders.Loaders second = loaders.create(PROJECT, 1, true);
    WorkerClassLoaders.Loaders otherSlot = loaders.create(PROJECT, 2, true);

    assertThat(second.runtime()).isSameAs(first.runtime());
    assertThat(otherSlot.runtime()).isNotSameAs(first.runtime());
    assertThat(second.tests()).isNotSameAs(first.tests()).isSameAs(second.owned());
    assertThat(first.tests().getParent()).isSameAs(first.runtime());
    Class<?> test = Class.forName(FIXTURE, false, first.tests());
    assertThat(test.getClassLoader()).isSameAs(first.tests());
    assertThat(Class.forName(FIXTURE, false, second.tests())).isNotSameAs(test);
    assertThat(Class.forName("org.junit.jupiter.api.Test", false, second.tests()).getClassLoader())
        .isSameAs(first.runtime());
    assertThat(Class.forName("dev.lanes.runtime.WorkerMain", false, second.tests()).getClassLoader())
        .isSameAs(first.runtime());
  }

  @Test
  void aSlotWhoseWorkerWasAbandonedInAFileGetsAFreshTestFramework() {
    WorkerClassLoaders.Loaders stuck = loaders.create(PROJECT, 1, true);

    loaders.abandon(stuck);

    assertThat(loaders.create(PROJECT, 1, true).runtime()).isNotSameAs(stuck.runtime());
  }

  @Test
  void aWorkerThatIsNotIsolatedHasOneLoaderOfItsOwnForEverything() throws ClassNotFoundException {
    WorkerClassLoaders.Loaders first = loaders.create(PROJECT, 1, false);
    WorkerClassLoaders.Loaders second = loaders.create(PROJECT, 1, false);

    assertThat(first.tests()).isSameAs(first.runtime()).isSameAs(first.owned());
    assertThat(second.runtime()).isNotSameAs(first.runtime());
    assertThat(Class.forName("org.junit.jupiter.api.Test", false, first.tests()).getClassLoader())
        .isSameAs(first.runtime());
  }
}
