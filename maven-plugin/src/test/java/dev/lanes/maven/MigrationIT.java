package dev.lanes.maven;

import static dev.lanes.maven.MavenPluginIT.mvn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Moving a build from Surefire to Lanes as the README says — add lanes-maven-plugin, skip Surefire's
 * {@code default-test} — and nothing else: every test has the outcome it has under Surefire, on fixtures whose tests
 * pass only where Surefire's settings reach them. Each fixture is run twice: {@code mvn surefire:test} (Surefire with
 * the build's configuration, into {@code target/surefire-baseline}) and {@code mvn test} (Lanes' default pool).
 */
class MigrationIT {
  private static final Path REPO = Path.of(System.getProperty("lanes.repo", "..")).toAbsolutePath().normalize();
  private static final Path FIXTURES = Path.of("src/test/fixtures").toAbsolutePath();
  private static final String VERSION = "-Dlanes.version=" + System.getProperty("lanes.version");

  @TempDir
  Path work;

  @Test
  void surefiresSettingsReachTheTestsInTheDefaultPoolAndInForks() throws Exception {
    Path project = copy(REPO.resolve("examples/surefire-migration"), "migration");
    Map<String, String> surefire = surefire(project);
    assertThat(surefire).hasSize(13).containsValue("skipped").doesNotContainValue("failed");

    MavenPluginIT.Mvn lanes = mvn(project, "test");

    assertThat(lanes.exitCode()).as(lanes.out()).isZero();
    assertThat(lanes.out()).contains("Tests  10 passed | 3 skipped (13)").doesNotContain("[WARNING]");
    assertThat(SurefireReports.outcomes(project.resolve("target/surefire-reports"))).isEqualTo(surefire);

    MavenPluginIT.Mvn forks = mvn(project, "test", "-Dlanes.pool=forks");
    assertThat(forks.exitCode()).as(forks.out()).isZero();
    assertThat(SurefireReports.outcomes(project.resolve("target/surefire-reports"))).isEqualTo(surefire);
  }

  @Test
  void anInProcessPoolNamesTheSettingsItCannotApply() throws Exception {
    Path project = copy(REPO.resolve("examples/surefire-migration"), "in-process");

    MavenPluginIT.Mvn threads = mvn(project, "test", "-Dlanes.pool=threads");

    assertThat(threads.exitCode()).as(threads.out()).isEqualTo(1);
    assertThat(threads.out()).contains("[threads] JVM flags --add-opens java.base/java.lang=ALL-UNNAMED; system "
        + "properties fixture.property; environment variables FIXTURE_ENV cannot reach the tests: threads runs them in "
        + "Lanes' own JVM (Maven's under mvn test)");
  }

  @Test
  void tagsSelectWhatSurefiresGroupsAndExcludedGroupsSelect() throws Exception {
    Path project = copy(REPO.resolve("examples/surefire-migration"), "tags");
    Path pom = project.resolve("pom.xml");
    Files.writeString(pom, Files.readString(pom).replace("<excludedGroups>slow</excludedGroups>", ""));
    for (List<String> selection : List.of(List.of("-Dgroups=fast"), List.of("-DexcludedGroups=slow"))) {
      Map<String, String> surefire = surefire(project, selection.toArray(String[]::new));
      List<String> args = new ArrayList<>(List.of("test"));
      args.addAll(selection);
      deleteReports(project);

      MavenPluginIT.Mvn lanes = mvn(project, args.toArray(String[]::new));

      assertThat(lanes.exitCode()).as(selection + "\n" + lanes.out()).isZero();
      assertThat(SurefireReports.outcomes(project.resolve("target/surefire-reports"))).as(selection.toString())
          .isEqualTo(surefire);
    }
  }

  @Test
  void aModularProjectsTestsRunInsideItsModuleAsUnderSurefire() throws Exception {
    Path project = copy(FIXTURES.resolve("modular"), "modular");
    Map<String, String> surefire = surefire(project, VERSION);

    MavenPluginIT.Mvn lanes = mvn(project, "test", VERSION);

    assertThat(lanes.exitCode()).as(lanes.out()).isZero();
    assertThat(SurefireReports.outcomes(project.resolve("target/surefire-reports"))).hasSize(3).isEqualTo(surefire);
  }

  @Test
  void aJUnit4ProjectWithoutAnEngineRunsThroughVintageAsUnderSurefire() throws Exception {
    Path project = copy(FIXTURES.resolve("junit4"), "junit4");
    Map<String, String> surefire = surefire(project, VERSION);

    MavenPluginIT.Mvn lanes = mvn(project, "test", VERSION);

    assertThat(lanes.exitCode()).as(lanes.out()).isZero();
    assertThat(lanes.out()).contains("JUnit 4.13.2 and no JUnit Platform engine on the test class path: its tests "
        + "run through junit-vintage-engine");
    assertThat(SurefireReports.outcomes(project.resolve("target/surefire-reports"))).hasSize(6).isEqualTo(surefire);

    try (Stream<Path> tests = Files.walk(project.resolve("src/test/java"))) {
      for (Path test : tests.filter(Files::isRegularFile).toList()) {
        Files.delete(test);
      }
    }
    Files.createDirectories(project.resolve("src/test/resources"));
    Files.writeString(project.resolve("src/test/resources/data.txt"), "a module with test resources, no tests");
    MavenPluginIT.Mvn noTests = mvn(project, "clean", "test", VERSION);
    assertThat(noTests.exitCode()).as("a module with JUnit 4 and no tests passes, as with Surefire\n" + noTests.out())
        .isZero();
  }

  @Test
  void aSurefireParameterLanesCannotHonourIsNamedInOneWarning() throws Exception {
    Path project = copy(REPO.resolve("examples/surefire-migration"), "unhonoured");
    Path pom = project.resolve("pom.xml");
    Files.writeString(pom, Files.readString(pom).replace("<excludedGroups>slow</excludedGroups>",
        "<excludedGroups>slow</excludedGroups><runOrder>alphabetical</runOrder><parallel>methods</parallel>"));

    MavenPluginIT.Mvn lanes = mvn(project, "test");

    assertThat(lanes.exitCode()).as(lanes.out()).isZero();
    assertThat(lanes.out()).contains("[WARNING] maven-surefire-plugin's <parallel>, <runOrder> have no Lanes "
        + "equivalent and are not applied; see \"Surefire's settings\" in Lanes' README.");
  }

  /** Surefire on {@code project} with the build's configuration: every test's outcome. */
  private static Map<String, String> surefire(Path project, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("test-compile", "surefire:test"));
    command.addAll(List.of(args));
    deleteReports(project);
    MavenPluginIT.Mvn surefire = mvn(project, command.toArray(String[]::new));
    assertThat(surefire.exitCode()).as(surefire.out()).isZero();
    return SurefireReports.outcomes(project.resolve("target/surefire-baseline"));
  }

  /** Reports of an earlier run in the same copy: a class a later selection leaves out would keep its old one. */
  private static void deleteReports(Path project) throws IOException {
    for (String folder : List.of("target/surefire-baseline", "target/surefire-reports")) {
      Path reports = project.resolve(folder);
      if (Files.isDirectory(reports)) {
        try (Stream<Path> files = Files.list(reports)) {
          for (Path file : files.toList()) {
            Files.delete(file);
          }
        }
      }
    }
  }

  private Path copy(Path from, String name) throws IOException {
    Path to = work.resolve(name);
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path path : walk.filter(p -> !from.relativize(p).startsWith("target")).toList()) {
        Path target = to.resolve(from.relativize(path).toString());
        if (Files.isDirectory(path)) {
          Files.createDirectories(target);
        } else {
          Files.copy(path, target);
        }
      }
    }
    return to;
  }
}
