import dev.lanes.core.internal.sequence.BalancedShards;
import dev.lanes.core.internal.sequence.BaseSequencer;
import dev.lanes.spi.Sequencer;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.TestSpecification;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;

/**
 * The makespan of a sharded run, simulated from a real suite's recorded per-class durations (Surefire's TEST-*.xml):
 * Lanes' hash slices (BaseSequencer without timings) and its balanced shards (BalancedShards, as --shard-timings
 * plans them), for N = 2, 4, 8, 16, against the ideal (the larger of total / N and the longest class). A shard's
 * time here is the sum of its classes' times: what a shard of one worker takes, without JVM start-up.
 *
 * <p>{@code java -cp "cli/target/lanes/lib/*" bench/ShardSimulation.java NAME=FOLDER...}
 */
public final class ShardSimulation {
  public static void main(String[] args) throws Exception {
    System.out.println("| suite | classes | total | longest class | N | ideal | hash slices | balanced | balanced / ideal |");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (String arg : args) {
      String name = arg.substring(0, arg.indexOf('='));
      Map<String, Long> times = read(Path.of(arg.substring(arg.indexOf('=') + 1)));
      TestProject project = TestProject.builder("", Path.of("."), "forks").build();
      List<TestSpecification> files = times.keySet().stream().sorted().map(c -> TestSpecification.of(project, c))
          .toList();
      long total = times.values().stream().mapToLong(Long::longValue).sum();
      long longest = times.values().stream().mapToLong(Long::longValue).max().orElse(0);
      BaseSequencer hashed = new BaseSequencer(context(file -> OptionalLong.empty()));
      for (int n : new int[] {2, 4, 8, 16}) {
        long ideal = Math.max((total + n - 1) / n, longest);
        long hash = 0;
        for (int i = 1; i <= n; i++) {
          hash = Math.max(hash, hashed.shard(files, i, n).stream().mapToLong(f -> times.get(f.moduleId())).sum());
        }
        long balanced = BalancedShards.plan(files, f -> OptionalLong.of(times.get(f.moduleId())), n).stream()
            .mapToLong(BalancedShards.Shard::millis).max().orElse(0);
        System.out.printf(Locale.ROOT, "| %s | %d | %s | %s | %d | %s | %s | %s | %.2f |%n", name, times.size(),
            s(total), s(longest), n, s(ideal), s(hash), s(balanced), balanced / (double) ideal);
      }
    }
  }

  private static String s(long millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
  }

  private static Map<String, Long> read(Path folder) throws Exception {
    Map<String, Long> times = new HashMap<>();
    List<Path> reports = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).forEach(reports::add);
    }
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    for (Path report : reports) {
      try (InputStream in = Files.newInputStream(report)) {
        XMLStreamReader xml = factory.createXMLStreamReader(in);
        while (xml.hasNext()) {
          if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("testsuite")) {
            times.put(xml.getAttributeValue(null, "name"),
                Math.round(Double.parseDouble(xml.getAttributeValue(null, "time").replace(",", "")) * 1000));
            break;
          }
        }
      }
    }
    return times;
  }

  private static Sequencer.Context context(java.util.function.Function<TestSpecification, OptionalLong> timing) {
    return new Sequencer.Context() {
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
      public Optional<Sequencer.CachedResult> lastResult(TestSpecification file) {
        return Optional.empty();
      }

      @Override
      public OptionalLong timing(TestSpecification file) {
        return timing.apply(file);
      }
    };
  }
}
