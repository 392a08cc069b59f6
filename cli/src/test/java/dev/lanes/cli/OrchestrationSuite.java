package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.ToolProvider;

/**
 * A small suite compiled at test time for the run-level features: five passing classes of different sizes, one
 * that fails an assertion, one whose test fails on its first attempt only (a static counter: a retry runs in the
 * same worker). Writes {@code lanes.conf} for it in {@code dir}.
 */
final class OrchestrationSuite {
  static final List<String> PASSING = List.of("AlphaTest", "BetaTest", "GammaTest", "DeltaTest", "EpsilonTest");
  static final List<String> ALL = List.of("AlphaTest", "BetaTest", "GammaTest", "DeltaTest", "EpsilonTest",
      "BrokenTest", "FlakyTest");

  private OrchestrationSuite() {
  }

  static void write(Path dir, String extraConf) throws Exception {
    Path src = Files.createDirectories(dir.resolve("src/test/java/orch"));
    List<String> sources = new ArrayList<>();
    for (int i = 0; i < PASSING.size(); i++) {
      StringBuilder tests = new StringBuilder();
      for (int t = 0; t <= i; t++) {
        tests.append("  @org.junit.jupiter.api.Test void adds").append(t)
            .append("() { org.junit.jupiter.api.Assertions.assertEquals(").append(t + 1).append(", ").append(t)
            .append(" + 1); }\n");
      }
      sources.add(source(src, PASSING.get(i), tests.toString()));
    }
    sources.add(source(src, "BrokenTest", """
          @org.junit.jupiter.api.Test void multiplies() { org.junit.jupiter.api.Assertions.assertEquals(6, 2 * 4); }
          @org.junit.jupiter.api.Test void divides() { org.junit.jupiter.api.Assertions.assertEquals(2, 4 / 2); }
        """));
    sources.add(source(src, "FlakyTest", """
          static int attempts;
          @org.junit.jupiter.api.Test void settles() {
            attempts++;
            org.junit.jupiter.api.Assertions.assertTrue(attempts > 1, "attempt " + attempts + " is too early");
          }
        """));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path sampleClasspath = LanesCli.example("sample-project").resolve("target/lanes-classpath.txt");
    List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
        String.join(File.pathSeparator, Files.readString(sampleClasspath).trim())));
    args.addAll(sources);
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();
    Files.writeString(dir.resolve("lanes.conf"), """
        classpath = ["classes", "@%s"]
        testClassDirs = ["classes"]
        maxWorkers = 1
        """.formatted(sampleClasspath.toString().replace("\\", "\\\\")) + extraConf);
  }

  private static String source(Path src, String name, String body) throws Exception {
    Path file = src.resolve(name + ".java");
    Files.writeString(file, "package orch;\n\nclass " + name + " {\n" + body + "}\n");
    return file.toString();
  }
}
