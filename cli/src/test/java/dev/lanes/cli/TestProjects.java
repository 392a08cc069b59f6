package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;

/** Small projects written by a test: test classes compiled against the sample project's class path (JUnit, AssertJ). */
final class TestProjects {
  private TestProjects() {
  }

  /**
   * A project in {@code dir}: each source ({@code "pkg.Name"} → its text) compiled into {@code classes}, and a
   * {@code lanes.conf} with the class path, the test classes and {@code conf}'s lines.
   */
  static Path write(Path dir, String conf, Map<String, String> sources) throws Exception {
    Path classes = Files.createDirectories(dir.resolve("classes"));
    List<String> arguments = new ArrayList<>();
    Path classpathFile = LanesCli.example("sample-project").resolve("target/lanes-classpath.txt");
    arguments.addAll(List.of("-d", classes.toString(), "-cp", Files.readString(classpathFile).trim()));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = dir.resolve("src").resolve(source.getKey().replace('.', '/') + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      arguments.add(file.toString());
    }
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)))
        .as("the test project compiles").isZero();
    Files.writeString(dir.resolve("lanes.conf"), """
        classpath = ["classes", "@%s"]
        testClassDirs = ["classes"]
        %s
        """.formatted(classpathFile.toString().replace("\\", "\\\\"), conf));
    return dir;
  }
}
