package dev.lanes.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every Java snippet of docs/writing-a-pool.md is code of an example pool, which the build compiles and tests. */
class WritingAPoolGuideTest {
  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final Pattern SNIPPET = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @Test
  void everySnippetIsCompiledByTheExamples() throws IOException {
    String guide = Files.readString(REPO.resolve("docs/writing-a-pool.md"));
    String examples = normalized(examplesSources());
    List<String> snippets = new ArrayList<>();
    Matcher matcher = SNIPPET.matcher(guide);
    while (matcher.find()) {
      snippets.add(matcher.group(1));
    }

    assertThat(snippets).hasSizeGreaterThan(5);
    assertThat(snippets).allSatisfy(snippet -> assertThat(examples).as("the examples' sources").contains(normalized(snippet)));
  }

  private static String examplesSources() throws IOException {
    try (Stream<Path> files = Files.walk(REPO.resolve("examples"))) {
      List<Path> sources = files.filter(p -> p.toString().endsWith(".java")).filter(p -> !p.toString().contains("target"))
          .toList();
      StringBuilder all = new StringBuilder();
      for (Path source : sources) {
        all.append(Files.readString(source)).append('\n');
      }
      return all.toString();
    }
  }

  /** Lines without their indentation, so a snippet may be shown less indented than in its file. */
  private static String normalized(String text) {
    return text.lines().map(String::strip).filter(line -> !line.isEmpty()).collect(Collectors.joining("\n"));
  }
}
