package dev.lanes.maven;

import static dev.lanes.maven.MavenPluginIT.mvn;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A build that measures coverage with jacoco-maven-plugin ({@code prepare-agent}, then {@code report} in the test
 * phase), moved to Lanes: in every JVM pool the tests pass and JaCoCo's {@code jacoco.csv} has the counters the same
 * build has with Surefire. The forked pools' JVMs take the agent from the {@code argLine}; the in-process pools, in
 * Maven's running JVM, instrument the same classes into the agent's {@code destfile}.
 */
class JacocoIT {
  private static final Path REPO = Path.of(System.getProperty("lanes.repo", "..")).toAbsolutePath().normalize();

  @TempDir
  static Path work;
  private static String surefireCsv;

  @ParameterizedTest(name = "pool {0}")
  @ValueSource(strings = {"threads", "vmThreads", "forks", "vmForks"})
  void everyPoolGivesJacocoTheCountersSurefireGives(String pool) throws Exception {
    String baseline = surefire();
    assertThat(baseline).contains("dev.lanes.sample,Money,");
    Path project = sample("lanes-" + pool);

    MavenPluginIT.Mvn lanes = mvn(project, "test", "-Dlanes.pool=" + pool);

    assertThat(lanes.exitCode()).as(lanes.out()).isZero();
    assertThat(lanes.out()).contains("Tests  22 passed (22)", "jacoco-maven-plugin:0.8.15:report");
    assertThat(Files.readString(project.resolve("target/site/jacoco/jacoco.csv"))).isEqualTo(baseline);
  }

  /** jacoco.csv of the sample under Surefire with JaCoCo's agent, made once. */
  private static synchronized String surefire() throws Exception {
    if (surefireCsv == null) {
      Path project = sample("surefire");
      MavenPluginIT.Mvn surefire = mvn(project, "jacoco:prepare-agent", "test-compile", "surefire:test",
          "jacoco:report");
      assertThat(surefire.exitCode()).as(surefire.out()).isZero();
      surefireCsv = Files.readString(project.resolve("target/site/jacoco/jacoco.csv"));
    }
    return surefireCsv;
  }

  /** A copy of the sample project whose build measures coverage with jacoco-maven-plugin. */
  private static Path sample(String name) throws IOException {
    Path from = REPO.resolve("examples/sample-project");
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
    Path pom = to.resolve("pom.xml");
    String jacoco = """
              <plugin>
                <groupId>org.jacoco</groupId>
                <artifactId>jacoco-maven-plugin</artifactId>
                <version>0.8.15</version>
                <executions>
                  <execution><id>prepare</id><goals><goal>prepare-agent</goal></goals></execution>
                  <execution><id>report</id><phase>test</phase><goals><goal>report</goal></goals></execution>
                </executions>
              </plugin>
            </plugins>
          </build>""";
    String text = Files.readString(pom);
    Files.writeString(pom, text.substring(0, text.lastIndexOf("</plugins>")) + jacoco.strip()
        + text.substring(text.lastIndexOf("</build>") + "</build>".length()));
    return to;
  }
}
