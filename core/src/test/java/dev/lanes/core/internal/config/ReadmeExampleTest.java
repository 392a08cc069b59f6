package dev.lanes.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.core.LanesConfig;
import dev.lanes.core.ProjectConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configuration example the README shows loads as the README says it does. */
class ReadmeExampleTest {
  @TempDir
  Path root;

  @Test
  void theReadmesProjectsExampleIsValidConfiguration() throws Exception {
    String readme = Files.readString(Path.of("..", "README.md"));
    int start = readme.indexOf("```hocon\n");
    assertThat(start).as("the README has a ```hocon example").isNotNegative();
    String example = readme.substring(start + "```hocon\n".length(), readme.indexOf("```", start + 1));
    Files.createDirectories(root.resolve("target"));
    Files.writeString(root.resolve("target/lanes-classpath.txt"), "lib/junit.jar\n");
    Files.writeString(root.resolve("lanes.conf"), example);

    LanesConfig config = ConfigLoader.load(root, Optional.empty(), List.of(), Map.of(), getClass().getClassLoader());

    assertThat(config.problems()).isEmpty();
    assertThat(config.projects()).extracting(ProjectConfig::name).containsExactly("unit", "slow");
    assertThat(config.projects().get(0).isolate()).isFalse();
    assertThat(config.projects().get(1).maxWorkers()).isEqualTo(1);
    assertThat(config.projects().get(1).classpath()).contains(root.resolve("lib/junit.jar"));
  }
}
