package dev.lanes.core.internal.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The dependency graph from real class files, compiled by javac at test time. */
class ClassGraphTest {
  @TempDir
  static Path dir;
  static ClassGraph graph = new ClassGraph();
  static Path classes;

  private static final Map<String, String> SOURCES = Map.ofEntries(
      Map.entry("shop/Money", "package shop; public record Money(long cents) {}"),
      Map.entry("shop/Cart", "package shop; public class Cart { java.util.List<Money> prices = new java.util.ArrayList<>();"
          + " public long total() { return prices.stream().mapToLong(Money::cents).sum(); } }"),
      Map.entry("shop/Takes", "package shop; public class Takes { public void take(Money money) {} }"),
      Map.entry("shop/Holds", "package shop; public class Holds { java.util.List<Money> money; }"),
      Map.entry("shop/Tag", "package shop; @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.CLASS)"
          + " public @interface Tag {}"),
      Map.entry("shop/Tagged", "package shop; @Tag public class Tagged {}"),
      Map.entry("shop/Limits", "package shop; public class Limits { public static final int MAX = 3; }"),
      Map.entry("shop/UsesLimit", "package shop; public class UsesLimit { int max() { return Limits.MAX; } }"),
      Map.entry("shop/Outer", "package shop; public class Outer { static class Inner { int x = 1; } }"),
      Map.entry("test/CartTest", "package test; class CartTest { void totals() { new shop.Cart().total(); } }"),
      Map.entry("test/OtherTest", "package test; class OtherTest { void nothing() { } }"));

  @BeforeAll
  static void compile() throws IOException {
    List<String> args = new ArrayList<>(List.of("-d", (classes = dir.resolve("classes")).toString()));
    for (Map.Entry<String, String> source : SOURCES.entrySet()) {
      Path file = dir.resolve("src").resolve(source.getKey() + ".java");
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      args.add(file.toString());
    }
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new))).isZero();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = classes.relativize(file).toString().replace(".class", "").replace(file.getFileSystem()
            .getSeparator(), ".");
        graph.put(name, Files.readAllBytes(file));
      }
    }
  }

  @Test
  void aChangeReachesItsUsersAndTheirUsersButNotOthers() {
    Set<String> reached = graph.dependents(List.of("shop.Money"));

    assertThat(reached).contains("shop.Money", "shop.Cart", "test.CartTest")
        .doesNotContain("test.OtherTest", "shop.Tagged", "shop.Limits");
  }

  @Test
  void usesInDescriptorsGenericSignaturesAndAnnotationsCount() {
    assertThat(graph.dependents(List.of("shop.Money"))).contains("shop.Takes", "shop.Holds");
    assertThat(graph.dependents(List.of("shop.Tag"))).containsExactlyInAnyOrder("shop.Tag", "shop.Tagged");
  }

  @Test
  void aNestedClassReachesItsOuterClass() {
    assertThat(graph.dependents(List.of("shop.Outer$Inner"))).contains("shop.Outer");
  }

  @Test
  void aConstantJavacInlinesStillNamesTheClassItCameFrom() { // javac 9 and later keep it in the pool for this
    assertThat(graph.dependents(List.of("shop.Limits"))).containsExactlyInAnyOrder("shop.Limits", "shop.UsesLimit");
  }

  @Test
  void aRemovedClassNoLongerLinksItsUsers() {
    ClassGraph small = new ClassGraph();
    small.put("a.User", classBytes("shop/Cart"));
    assertThat(small.dependents(List.of("shop.Money"))).contains("a.User");

    small.remove("a.User");

    assertThat(small.dependents(List.of("shop.Money"))).containsExactly("shop.Money");
  }

  @Test
  void aClassFileCutShortGivesWhatWasReadAndNoError() {
    byte[] whole = classBytes("shop/Cart");
    byte[] half = java.util.Arrays.copyOf(whole, whole.length / 2);

    assertThat(ClassGraph.namedClasses(half)).isSubsetOf(ClassGraph.namedClasses(whole));
    assertThat(ClassGraph.namedClasses(new byte[] {1, 2, 3})).isEmpty();
  }

  private static byte[] classBytes(String name) {
    try {
      return Files.readAllBytes(classes.resolve(name + ".class"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
