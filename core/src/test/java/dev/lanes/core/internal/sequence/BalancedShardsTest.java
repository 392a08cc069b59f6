package dev.lanes.core.internal.sequence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.spi.TestProject;
import dev.lanes.spi.TestSpecification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BalancedShardsTest {
  private static final TestProject PROJECT = TestProject.builder("", Path.of("."), "forks").build();

  @TempDir
  Path folder;

  private final Map<String, Long> times = new HashMap<>();

  private OptionalLong timing(TestSpecification file) {
    Long millis = times.get(file.moduleId());
    return millis == null ? OptionalLong.empty() : OptionalLong.of(millis);
  }

  private static List<TestSpecification> files(List<String> names) {
    return names.stream().map(name -> TestSpecification.of(PROJECT, name)).toList();
  }

  @Test
  void theSlowFileIsAloneAndTheShardsAreWithinTenPercentOfTheBestPossible() {
    List<String> names = new ArrayList<>(List.of("com.acme.SlowTest"));
    times.put("com.acme.SlowTest", 10_000L);
    IntStream.range(0, 20).forEach(i -> {
      names.add("com.acme.Quick" + i + "Test");
      times.put("com.acme.Quick" + i + "Test", 100L);
    });

    List<BalancedShards.Shard> plan = BalancedShards.plan(files(names), this::timing, 2);

    assertThat(plan).hasSize(2);
    BalancedShards.Shard slow = plan.stream().filter(s -> s.files().stream()
        .anyMatch(f -> f.file().moduleId().equals("com.acme.SlowTest"))).findFirst().orElseThrow();
    assertThat(slow.files()).as("the slow file is alone").hasSize(1);
    long makespan = plan.stream().mapToLong(BalancedShards.Shard::millis).max().orElseThrow();
    assertThat(makespan).isLessThanOrEqualTo((long) (Math.max(12_000 / 2, 10_000) * 1.1));
    assertThat(plan.stream().mapToInt(s -> s.files().size()).sum()).isEqualTo(21);
  }

  @Test
  void everyMachineComputesTheSamePlanWhateverOrderItFoundTheFilesIn() {
    List<String> names = new ArrayList<>();
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      names.add("com.acme.T" + i);
      times.put("com.acme.T" + i, (long) random.nextInt(5_000));
    }
    times.put("com.acme.T3", times.get("com.acme.T4")); // equal times too
    List<List<String>> first = modules(BalancedShards.plan(files(names), this::timing, 8));
    Collections.shuffle(names, new Random(11));
    List<List<String>> second = modules(BalancedShards.plan(files(names), this::timing, 8));

    assertThat(second).isEqualTo(first);
    assertThat(first.stream().flatMap(List::stream).distinct()).as("disjoint and complete").hasSize(200);
  }

  @Test
  void aFileWithoutARecordedTimeCountsTheMedian() {
    times.put("a", 100L);
    times.put("b", 300L);
    times.put("c", 900L);

    List<BalancedShards.Shard> plan = BalancedShards.plan(files(List.of("a", "b", "c", "new")), this::timing, 1);

    assertThat(plan.get(0).files()).filteredOn(f -> f.file().moduleId().equals("new")).singleElement()
        .satisfies(f -> {
          assertThat(f.millis()).isEqualTo(300L);
          assertThat(f.recorded()).isFalse();
        });
  }

  @Test
  void withoutTimingsTheBaseSequencerCutsTodaysHashSlices() {
    List<TestSpecification> files = files(IntStream.range(0, 9).mapToObj(i -> "f" + i).toList());
    BaseSequencer timed = new BaseSequencer(context(this::timing));
    BaseSequencer hashed = new BaseSequencer(context(file -> OptionalLong.empty()));

    List<TestSpecification> sorted = new ArrayList<>(files);
    sorted.sort(java.util.Comparator.comparing(file -> BaseSequencer.sha1(file.moduleId())));
    assertThat(hashed.shard(files, 1, 3)).isEqualTo(sorted.subList(0, 3));
    IntStream.range(1, 9).forEach(i -> times.put("f" + i, 100L));
    times.put("f0", 5_000L);
    assertThat(timed.shard(files, 1, 3)).extracting(TestSpecification::moduleId).containsExactly("f0");
  }

  @Test
  void timingsAreReadFromAResultsCacheABlobAndJunitXml() throws IOException {
    Path cache = Files.writeString(folder.resolve("results.json"),
        "{\"version\":\"1\",\"results\":[[\"unit:com.acme.ATest\",{\"duration\":1200,\"failed\":false}]]}");
    Path blob = Files.writeString(folder.resolve("blob-1-2.json"), "{\"lanes\":\"0.1.0\",\"files\":[{\"id\":\"1\","
        + "\"moduleId\":\"com.acme.BTest\",\"project\":\"\",\"durationMillis\":340}]}");
    Path surefire = Files.writeString(folder.resolve("TEST-com.acme.CTest.xml"), "<?xml version=\"1.0\"?>\n"
        + "<testsuite name=\"com.acme.CTest\" time=\"2.5\" tests=\"1\"><testcase name=\"a\" time=\"2.5\"/></testsuite>");
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();

    ShardTimings fromFolder = ShardTimings.read(folder, problems, warnings);

    assertThat(problems).isEmpty();
    TestProject unit = TestProject.builder("unit", Path.of("."), "forks").build();
    assertThat(fromFolder.of(TestSpecification.of(unit, "com.acme.ATest"))).hasValue(1200);
    assertThat(fromFolder.of(TestSpecification.of(PROJECT, "com.acme.BTest"))).hasValue(340);
    assertThat(fromFolder.of(TestSpecification.of(PROJECT, "com.acme.CTest"))).hasValue(2500);
    assertThat(fromFolder.of(TestSpecification.of(PROJECT, "com.acme.DTest"))).isEmpty();
    assertThat(ShardTimings.read(cache, problems, warnings).of(TestSpecification.of(unit, "com.acme.ATest")))
        .hasValue(1200);
    assertThat(ShardTimings.read(blob, problems, warnings).isEmpty()).isFalse();
    assertThat(ShardTimings.read(surefire, problems, warnings).isEmpty()).isFalse();
    assertThat(problems).isEmpty();
    assertThat(warnings).isEmpty();
  }

  @Test
  void aMissingTimingsFileWarnsAndAnUnreadableOneIsAProblem() throws IOException {
    List<String> problems = new ArrayList<>();
    List<String> warnings = new ArrayList<>();

    assertThat(ShardTimings.read(folder.resolve("none.json"), problems, warnings).isEmpty()).isTrue();
    assertThat(warnings).singleElement().asString().contains("does not exist").contains("hash slices");
    ShardTimings.read(Files.writeString(folder.resolve("other.json"), "{\"a\": 1}"), problems, warnings);
    assertThat(problems).singleElement().asString().contains("other.json")
        .contains("neither \"results\" (a results cache) nor \"files\" (a blob)");
  }

  private static List<List<String>> modules(List<BalancedShards.Shard> plan) {
    return plan.stream().map(s -> s.files().stream().map(f -> f.file().moduleId()).toList()).toList();
  }

  private static dev.lanes.spi.Sequencer.Context context(java.util.function.Function<TestSpecification, OptionalLong> timing) {
    return new dev.lanes.spi.Sequencer.Context() {
      @Override
      public long seed() {
        return 0;
      }

      @Override
      public int groupOrder(TestSpecification file) {
        return 0;
      }

      @Override
      public OptionalLong size(TestSpecification file) {
        return OptionalLong.empty();
      }

      @Override
      public java.util.Optional<dev.lanes.spi.Sequencer.CachedResult> lastResult(TestSpecification file) {
        return java.util.Optional.empty();
      }

      @Override
      public OptionalLong timing(TestSpecification file) {
        return timing.apply(file);
      }
    };
  }
}
