package dev.lanes.core.internal.watch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.spi.TestProject;
import dev.lanes.spi.TestSpecification;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangeReachTest {
  @TempDir
  Path root;

  @Test
  void aSourceFileIsTheClassItsPackageLineAndNameSayOrItsPathWhenDeleted() throws Exception {
    Path written = Files.createDirectories(root.resolve("src/main/java/shop")).resolve("Money.java");
    Files.writeString(written, "// header\npackage shop.money;\n\nclass Money {}\n");

    assertThat(ChangeReach.className(written)).hasValue("shop.money.Money");
    assertThat(ChangeReach.className(root.resolve("src/test/java/shop/GoneTest.java"))).hasValue("shop.GoneTest");
    assertThat(ChangeReach.className(root.resolve("src/test/kotlin/Top.kt"))).hasValue("Top");
  }

  @Test
  void aBuildFileOrAResourceRunsEverythingAndDocumentsReachNothing() {
    TestProject project = TestProject.builder("", root, "forks").build();
    List<TestSpecification> specs = List.of(TestSpecification.of(project, "shop.MoneyTest"),
        TestSpecification.of(project, "shop.CartTest"));

    ChangeReach.Result pom = ChangeReach.of(List.of(root.resolve("README.md"), root.resolve("pom.xml")), specs,
        List.of(), root);
    assertThat(pom.files()).isEqualTo(specs);
    assertThat(pom.everything()).hasValueSatisfying(reason -> assertThat(reason).startsWith("pom.xml changed"));

    ChangeReach.Result resource = ChangeReach.of(List.of(root.resolve("src/test/resources/prices.csv")), specs,
        List.of(), root);
    assertThat(resource.everything()).isPresent();

    ChangeReach.Result docs = ChangeReach.of(List.of(root.resolve("README.md")), specs, List.of(), root);
    assertThat(docs.files()).isEmpty();
    assertThat(docs.ignored()).containsExactly("README.md");
  }

  @Test
  void aFileASourcePoolTakesRunsWhenItChanged() {
    TestProject project = TestProject.builder("", root, "typecheck").build();
    TestSpecification typeTest = TestSpecification.of(project, "src/test/types/ListTypes.java");
    TestSpecification other = TestSpecification.of(project, "src/test/types/MapTypes.java");

    ChangeReach.Result reach = ChangeReach.of(List.of(root.resolve("src/test/types/ListTypes.java")),
        List.of(typeTest, other), List.of(), root);

    assertThat(reach.files()).containsExactly(typeTest);
    assertThat(reach.why().get(typeTest.fileId())).containsExactly("src/test/types/ListTypes.java");
  }
}
