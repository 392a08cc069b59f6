package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JUnit tags through {@code lanes run}: {@code --tags} and {@code tags} in lanes.conf select exactly the tests
 * Surefire's {@code groups} selects on the same classes ({@code examples/surefire-migration}, whose build also leaves out
 * the tag "slow"), and {@code lanes list} shows each test's tags.
 */
class TagsIT {
  private static final Path EXAMPLE = LanesCli.example("surefire-migration");

  @TempDir
  Path dir;

  @Test
  void tagsOnTheCommandLineSelectWhatSurefiresGroupsSelect() throws Exception {
    Set<String> surefire = surefire("-Dgroups=fast");

    LanesCli.Result lanes = LanesCli.run(dir, "run", "--root", EXAMPLE.toString(), "--tags", "fast & !slow",
        "--reporter", "junit", "--outputFile", dir.resolve("lanes.xml").toString());

    assertThat(lanes.exitCode()).as(lanes.all()).isZero();
    assertThat(SurefireReports.testcases(dir.resolve("lanes.xml"))).isEqualTo(surefire)
        .containsExactly("dev.lanes.migration.TaggedTest#fast");
  }

  @Test
  void tagsInLanesConfSelectWhatSurefiresGroupsSelect() throws Exception {
    Set<String> surefire = surefire("-Dgroups=none() | fast");
    Path conf = dir.resolve("tagged.conf");
    Files.writeString(conf, Files.readString(EXAMPLE.resolve("lanes.conf"))
        + "tags = [\"none()\", \"fast & !slow\"]\n");

    LanesCli.Result lanes = LanesCli.run(dir, "run", "--root", EXAMPLE.toString(), "--config", conf.toString(),
        "--reporter", "junit", "--outputFile", dir.resolve("lanes.xml").toString());

    assertThat(lanes.exitCode()).as(lanes.all()).isZero();
    assertThat(SurefireReports.testcases(dir.resolve("lanes.xml"))).isEqualTo(surefire)
        .contains("dev.lanes.migration.TaggedTest#untagged", "dev.lanes.migration.SurefireSettingsTest#argLineOpensJavaLang")
        .doesNotContain("dev.lanes.migration.TaggedTest#fastAndSlow", "dev.lanes.migration.SlowTest#takesItsTime");
  }

  @Test
  void aMalformedTagExpressionIsAConfigurationError() throws Exception {
    LanesCli.Result lanes = LanesCli.run(dir, "run", "--root", EXAMPLE.toString(), "--tags", "fast & (slow");

    assertThat(lanes.exitCode()).as(lanes.all()).isEqualTo(2);
    assertThat(lanes.err()).contains("command-line option --tags: Invalid value at 'tags': 'fast & (slow' is not a tag "
        + "expression: a '(' is not closed; tags are combined with !, & and |, and grouped with parentheses.");
  }

  @Test
  void listShowsEachTestsTags() throws Exception {
    LanesCli.Result list = LanesCli.run(dir, "list", "--root", EXAMPLE.toString(), "Tagged");

    assertThat(list.exitCode()).as(list.all()).isZero();
    assertThat(list.out()).containsPattern("TaggedTest > fastAndSlow\\(\\)  @fast @slow  \\[engine:junit-jupiter]")
        .containsPattern("TaggedTest > untagged\\(\\)  \\[engine:junit-jupiter]");
  }

  /** What Surefire runs of the example with these properties, as {@code class#name}. */
  private Set<String> surefire(String... properties) throws Exception {
    Path baseline = EXAMPLE.resolve("target/surefire-baseline");
    if (Files.isDirectory(baseline)) {
      try (Stream<Path> files = Files.list(baseline)) {
        for (Path file : files.toList()) {
          Files.delete(file);
        }
      }
    }
    List<String> command = new ArrayList<>(List.of("mvn", "-o", "-B", "-q", "surefire:test"));
    command.addAll(List.of(properties));
    Path log = dir.resolve("surefire.txt");
    Process mvn = new ProcessBuilder(command).directory(EXAMPLE.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    assertThat(mvn.waitFor(3, TimeUnit.MINUTES)).as("mvn surefire:test finished").isTrue();
    assertThat(mvn.exitValue()).as(Files.readString(log)).isZero();
    return SurefireReports.testcases(baseline);
  }
}
