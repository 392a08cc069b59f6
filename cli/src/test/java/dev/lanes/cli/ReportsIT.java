package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The junit report has the structure and counts of Surefire's for the same suite; the json report holds the task tree. */
class ReportsIT {
  @TempDir
  Path dir;

  @Test
  void junitXmlMatchesSurefiresReportForTheSameSuite() throws Exception {
    Path report = dir.resolve("lanes.xml");

    LanesCli.Result result = LanesCli.run(LanesCli.example("failing-sample"), "run", "--reporter", "junit",
        "--outputFile", report.toString());

    assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
    Map<String, SurefireReports.Counts> surefire = SurefireReports.ofSurefire(
        LanesCli.example("failing-sample").resolve("target/surefire-reports"));
    assertThat(SurefireReports.ofLanes(report)).isEqualTo(surefire);
    assertThat(SurefireReports.testcases(report)).as("testcase names, so CI test histories carry over")
        .isEqualTo(SurefireReports.testcases(LanesCli.example("failing-sample").resolve("target/surefire-reports")))
        .contains("dev.lanes.fixtures.FailingAssertionsTest#evenOnly(int)[2]",
            "dev.lanes.fixtures.FailingAssertionsTest$Inner#failsInside");

    Document xml = SurefireReports.parse(report);
    assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(SurefireReports.total(surefire).tests());
    Element failure = (Element) xml.getElementsByTagName("failure").item(0);
    assertThat(failure.getAttribute("type")).isEqualTo("org.opentest4j.AssertionFailedError");
    assertThat(failure.getAttribute("message")).isNotBlank();
    Element error = (Element) xml.getElementsByTagName("error").item(0);
    assertThat(error.getAttribute("type")).isEqualTo("java.lang.IllegalStateException");
    assertThat(xml.getElementsByTagName("skipped").getLength()).isEqualTo(2);
    assertThat(xml.getElementsByTagName("system-out").item(0).getTextContent()).contains("output before the failure");
    assertThat(xml.getElementsByTagName("system-err").item(0).getTextContent()).contains("to stderr");
  }

  @Test
  void surefireReporterWritesAFilePerClassWithSurefiresCountsAndTestcases() throws Exception {
    Path folder = dir.resolve("surefire-reports");

    LanesCli.Result result = LanesCli.run(LanesCli.example("failing-sample"), "run", "--reporter", "surefire",
        "--outputFile", folder.toString());

    assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
    Path surefire = LanesCli.example("failing-sample").resolve("target/surefire-reports");
    assertThat(SurefireReports.ofSurefire(folder)).isEqualTo(SurefireReports.ofSurefire(surefire));
    assertThat(SurefireReports.testcases(folder)).isEqualTo(SurefireReports.testcases(surefire));
    assertThat(folder.resolve("TEST-dev.lanes.fixtures.FailingAssertionsTest.xml")).exists();
    Element suite = SurefireReports.parse(folder.resolve("TEST-dev.lanes.fixtures.FailingAssertionsTest.xml"))
        .getDocumentElement();
    assertThat(suite.getTagName()).isEqualTo("testsuite");
    assertThat(suite.getAttribute("name")).isEqualTo("dev.lanes.fixtures.FailingAssertionsTest");
    assertThat(result.out()).contains(" SUREFIRE  ");
  }

  @Test
  void surefireReporterNamesTestsAsSurefireDoesNestedClassesWithADisplayNameToo() throws Exception {
    Path folder = dir.resolve("sample-reports");

    LanesCli.Result result = LanesCli.run(LanesCli.REPO, "run", "--root", "examples/sample-project", "--reporter",
        "surefire", "--outputFile", folder.toString());

    assertThat(result.exitCode()).as(result.all()).isZero();
    // MoneyTest.Allocation has @DisplayName("allocation"); MoneyTest.Errors has none
    assertThat(SurefireReports.testcases(folder))
        .contains("allocation#splitsEvenly", "dev.lanes.sample.MoneyTest$Errors#refusesBadCodes")
        .isEqualTo(SurefireReports.testcases(SurefireReports.surefireReportsOf("sample-project")));
  }

  @Test
  void aClassWithoutTestsGetsNoSurefireReportAsInSurefire() throws Exception {
    Path src = Files.createDirectories(dir.resolve("project/src/abstracts"));
    Files.writeString(src.resolve("AbstractShapeTest.java"), """
        package abstracts;
        abstract class AbstractShapeTest {
          abstract int sides();
          @org.junit.jupiter.api.Test void hasSides() { org.junit.jupiter.api.Assertions.assertTrue(sides() > 0); }
        }
        """);
    Files.writeString(src.resolve("SquareTest.java"), """
        package abstracts;
        class SquareTest extends AbstractShapeTest { int sides() { return 4; } }
        """);
    Path project = dir.resolve("project");
    Path classes = Files.createDirectories(project.resolve("classes"));
    Path sampleClasspath = LanesCli.example("sample-project").resolve("target/lanes-classpath.txt");
    assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), "-cp",
        Files.readString(sampleClasspath).trim(), src.resolve("AbstractShapeTest.java").toString(),
        src.resolve("SquareTest.java").toString())).isZero();
    Files.writeString(project.resolve("lanes.conf"), """
        classpath = ["classes", "@%s"]
        testClassDirs = ["classes"]
        """.formatted(sampleClasspath.toString().replace("\\", "\\\\")));

    LanesCli.Result result = LanesCli.run(project, "run", "--reporter", "default", "--reporter", "surefire");

    assertThat(result.exitCode()).as(result.all()).isZero();
    assertThat(result.out()).contains("Lanes 2 test files", " SUREFIRE  1 report written to target/surefire-reports");
    try (Stream<Path> reports = Files.list(project.resolve("target/surefire-reports"))) {
      assertThat(reports.map(f -> f.getFileName().toString())).containsExactly("TEST-abstracts.SquareTest.xml");
    }
  }

  @Test
  void jsonReportWritesTheTaskTree() throws Exception {
    Path report = dir.resolve("lanes.json");

    LanesCli.Result result = LanesCli.run(LanesCli.REPO, "run", "--root", "examples/sample-project", "--reporter", "json",
        "--outputFile", report.toString());

    assertThat(result.exitCode()).as(result.all()).isZero();
    JsonNode json = new ObjectMapper().readTree(report.toFile());
    assertThat(json.path("numTotalTests").asInt()).isEqualTo(22);
    assertThat(json.path("success").asBoolean()).isTrue();
    JsonNode money = null;
    for (JsonNode module : json.path("testResults")) {
      if (module.path("name").asText().equals("dev.lanes.sample.MoneyTest")) {
        money = module;
      }
    }
    assertThat(money).isNotNull();
    JsonNode tree = money.path("tasks");
    assertThat(tree.path("type").asText()).isEqualTo("file");
    assertThat(tree.path("children")).anySatisfy(child -> {
      assertThat(child.path("type").asText()).isEqualTo("suite");
      assertThat(child.path("name").asText()).isEqualTo("allocation");
      assertThat(child.path("children")).hasSize(2);
    });
  }
}
