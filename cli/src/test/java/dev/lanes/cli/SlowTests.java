package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;

/** Two test classes, compiled at test time, whose test marks that it started, then sleeps for two minutes. */
final class SlowTests {
  private SlowTests() {
  }

  /** Compiles {@code slow.SlowATest} and {@code slow.SlowBTest} into {@code dir/classes}, which it returns. */
  static Path compile(Path dir, Path started) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/slow"));
    List<String> sources = new ArrayList<>();
    for (String name : List.of("SlowATest", "SlowBTest")) {
      Path source = src.resolve(name + ".java");
      Files.writeString(source, """
          package slow;

          class %s {
            @org.junit.jupiter.api.Test
            void sleeps() throws Exception {
              java.nio.file.Files.writeString(java.nio.file.Path.of("%s"), "started");
              Thread.sleep(120_000);
            }
          }
          """.formatted(name, started.toString().replace("\\", "\\\\")));
      sources.add(source.toString());
    }
    Path classes = Files.createDirectories(dir.resolve("classes"));
    String classpath = String.join(File.pathSeparator,
        Files.readString(LanesCli.example("sample-project").resolve("target/lanes-classpath.txt")).trim());
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp", classpath));
    args.addAll(sources);
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();
    return classes;
  }
}
