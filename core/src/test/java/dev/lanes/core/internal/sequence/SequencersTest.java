package dev.lanes.core.internal.sequence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lanes.core.RunSettings;
import dev.lanes.spi.Sequencer;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.TestSpecification;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Vitest's {@code test/unit/test/sequencers.test.ts}, for Lanes' sequencers. */
class SequencersTest {
  private static final TestProject PROJECT = project("", true);

  private final Map<String, Long> sizes = new HashMap<>();
  private final Map<String, Sequencer.CachedResult> results = new HashMap<>();
  private final Map<String, Integer> groups = new HashMap<>();
  private long seed = 42;

  private final Sequencer.Context context = new Sequencer.Context() {
    @Override
    public long seed() {
      return seed;
    }

    @Override
    public int groupOrder(TestSpecification file) {
      return groups.getOrDefault(file.project().name(), 0);
    }

    @Override
    public OptionalLong size(TestSpecification file) {
      Long size = sizes.get(file.moduleId());
      return size == null ? OptionalLong.empty() : OptionalLong.of(size);
    }

    @Override
    public Optional<Sequencer.CachedResult> lastResult(TestSpecification file) {
      return Optional.ofNullable(results.get(file.moduleId()));
    }
  };

  @Test
  void shardsHaveVitestsSizes() {
    BaseSequencer sequencer = new BaseSequencer(context);
    assertThat(sizes(sequencer, 4, 3)).containsExactly(2, 1, 1);
    assertThat(sizes(sequencer, 5, 4)).containsExactly(2, 1, 1, 1);
    assertThat(sizes(sequencer, 9, 4)).containsExactly(3, 2, 2, 2);
    assertThat(sizes(sequencer, 3, 4)).containsExactly(1, 1, 1, 0);
  }

  @Test
  void shardsAreDisjointCompleteAndIndependentOfTheOrderFilesWereFoundIn() {
    BaseSequencer sequencer = new BaseSequencer(context);
    List<TestSpecification> files = files(20);
    List<TestSpecification> reversed = new java.util.ArrayList<>(files);
    java.util.Collections.reverse(reversed);
    HashSet<TestSpecification> union = new HashSet<>();
    int total = 0;
    for (int index = 1; index <= 3; index++) {
      List<TestSpecification> shard = sequencer.shard(files, index, 3);
      assertThat(sequencer.shard(reversed, index, 3)).isEqualTo(shard);
      union.addAll(shard);
      total += shard.size();
    }
    assertThat(total).isEqualTo(20);
    assertThat(union).containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void filesWithoutAResultComeFirstLargerFirst() {
    List<TestSpecification> files = files(3);
    sizes.put("f0", 10L);
    sizes.put("f1", 30L);
    sizes.put("f2", 20L);
    assertThat(names(new BaseSequencer(context).sort(files))).containsExactly("f1", "f2", "f0");
    results.put("f1", new Sequencer.CachedResult(5, false));
    assertThat(names(new BaseSequencer(context).sort(files))).startsWith("f2", "f0").endsWith("f1");
  }

  @Test
  void failedFirstThenSlowerFirst() {
    List<TestSpecification> files = files(4);
    results.put("f0", new Sequencer.CachedResult(10, false));
    results.put("f1", new Sequencer.CachedResult(50, false));
    results.put("f2", new Sequencer.CachedResult(1, true));
    results.put("f3", new Sequencer.CachedResult(30, true));
    assertThat(names(new BaseSequencer(context).sort(files))).containsExactly("f3", "f2", "f1", "f0");
  }

  @Test
  void groupOrderThenProjectThenIsolatedFirst() {
    TestProject shared = project("b-shared", false);
    TestProject isolated = project("b-isolated", true);
    TestProject late = project("a-late", true);
    groups.put("a-late", 1);
    List<TestSpecification> files = List.of(TestSpecification.of(late, "x"), TestSpecification.of(shared, "y"),
        TestSpecification.of(isolated, "z"));
    assertThat(new BaseSequencer(context).sort(files)).extracting(f -> f.project().name())
        .containsExactly("b-isolated", "b-shared", "a-late");
  }

  @Test
  void theSameSeedGivesTheSameOrderWhateverTheInputOrder() {
    List<TestSpecification> files = files(30);
    List<TestSpecification> reversed = new java.util.ArrayList<>(files);
    java.util.Collections.reverse(reversed);
    List<String> first = names(new RandomSequencer(context).sort(files));
    assertThat(names(new RandomSequencer(context).sort(reversed))).isEqualTo(first);
    assertThat(first).isNotEqualTo(names(files)).containsExactlyInAnyOrderElementsOf(names(files));
    seed = 7;
    assertThat(names(new RandomSequencer(context).sort(files))).isNotEqualTo(first);
  }

  @Test
  void shardTextIsCheckedWithVitestsMessages() {
    assertThat(RunSettings.Shard.parse("2/3")).isEqualTo(new RunSettings.Shard(2, 3));
    assertThatThrownBy(() -> RunSettings.Shard.parse("2/1"))
        .hasMessage("--shard <index> must be a number from 1 to <count>");
    assertThatThrownBy(() -> RunSettings.Shard.parse("1/0")).hasMessage("--shard <count> must be a positive number");
    assertThatThrownBy(() -> RunSettings.Shard.parse("-1")).hasMessageContaining("\"<index>/<count>\"");
  }

  @Test
  void moreShardsThanFilesIsVitestsErrorUnlessAnEmptyRunPasses() {
    List<String> problems = new java.util.ArrayList<>();
    RunSettings settings = new RunSettings(0, Optional.of(new RunSettings.Shard(4, 4)), false,
        RunSettings.DEFAULT_SEQUENCER, false, 0, Optional.empty());
    assertThat(new Sequencing(settings, List.of(), new ResultsCache(Path.of("none")), ShardTimings.none())
        .apply(files(3), problems))
        .isEmpty();
    assertThat(problems).containsExactly("--shard <count> must be a smaller than count of test files. Resolved 3 test"
        + " files for --shard=4/4 (set passWithNoTests to allow an empty shard).");
    problems.clear();
    RunSettings passing = new RunSettings(0, Optional.of(new RunSettings.Shard(4, 4)), true,
        RunSettings.DEFAULT_SEQUENCER, false, 0, Optional.empty());
    assertThat(new Sequencing(passing, List.of(), new ResultsCache(Path.of("none")), ShardTimings.none())
        .apply(files(3), problems))
        .isEmpty();
    assertThat(problems).isEmpty();
  }

  @Test
  void anUnknownSequencerIsAProblemNamingWhatIsValid() {
    List<String> problems = new java.util.ArrayList<>();
    RunSettings settings = new RunSettings(0, Optional.empty(), false, "com.acme.Nope", false, 0, Optional.empty());
    new Sequencing(settings, List.of(), new ResultsCache(Path.of("none")), ShardTimings.none()).apply(files(2), problems);
    assertThat(problems).singleElement().asString().contains("com.acme.Nope").contains("\"default\"");
  }

  @Test
  void groupsRunLowestFirstAndOneGroupMayNotMixMaxWorkers() {
    TestProject unit = TestProject.builder("unit", Path.of("."), "threads").maxWorkers(2)
        .teardownTimeout(Duration.ZERO).build();
    TestProject slow = TestProject.builder("slow", Path.of("."), "forks").teardownTimeout(Duration.ZERO).build();
    List<TestSpecification> files = List.of(TestSpecification.of(unit, "a"), TestSpecification.of(slow, "b"));
    List<String> problems = new java.util.ArrayList<>();

    Sequencing together = new Sequencing(RunSettings.defaults(), List.of(), new ResultsCache(Path.of("none")),
        ShardTimings.none());
    together.groups(files, problems);
    assertThat(problems).containsExactly("Projects \"unit\" and \"slow\" have different 'maxWorkers' but same"
        + " 'sequence.groupOrder'.\nProvide unique 'sequence.groupOrder' for them.");

    problems.clear();
    Sequencing apart = new Sequencing(RunSettings.defaults(), List.of(config("unit", 1), config("slow", 0)),
        new ResultsCache(Path.of("none")), ShardTimings.none());
    assertThat(apart.groups(files, problems)).extracting(group -> group.get(0).moduleId()).containsExactly("b", "a");
    assertThat(problems).isEmpty();
  }

  private static dev.lanes.core.ProjectConfig config(String name, int groupOrder) {
    return new dev.lanes.core.ProjectConfig(name, Path.of("."), "threads", "default", List.of(), List.of(), List.of(),
        List.of(), List.of(), true, 1, Duration.ZERO, List.of(), java.util.Map.of(), java.util.Optional.empty(),
        groupOrder, dev.lanes.spi.protocol.WorkerSettings.builder().vmMemoryLimit(1).build(),
        dev.lanes.spi.WorkerEnvironment.none());
  }

  private List<Integer> sizes(Sequencer sequencer, int files, int count) {
    return IntStream.rangeClosed(1, count).mapToObj(index -> sequencer.shard(files(files), index, count).size()).toList();
  }

  private static List<TestSpecification> files(int count) {
    return IntStream.range(0, count).mapToObj(i -> TestSpecification.of(PROJECT, "f" + i)).toList();
  }

  private static List<String> names(List<TestSpecification> files) {
    return files.stream().map(TestSpecification::moduleId).toList();
  }

  private static TestProject project(String name, boolean isolate) {
    return TestProject.builder(name, Path.of("."), "threads").isolate(isolate).teardownTimeout(Duration.ZERO).build();
  }
}
