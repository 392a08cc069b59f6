package dev.lanes.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Reads JUnit XML reports (Surefire's TEST-*.xml, or Lanes' one file) into counts per top-level test class. */
final class SurefireReports {
  record Counts(int tests, int failures, int errors, int skipped) {
    Counts plus(Counts other) {
      return new Counts(tests + other.tests, failures + other.failures, errors + other.errors, skipped + other.skipped);
    }
  }

  private SurefireReports() {
  }

  /**
   * The folder of Surefire's own reports of an example. The sample project runs its tests through Lanes' Maven
   * plugin, so Surefire runs there on demand ({@code mvn surefire:test}, into {@code target/surefire-baseline}); the
   * other examples run Surefire in their build.
   */
  static Path surefireReportsOf(String example) throws IOException, InterruptedException {
    Path folder = LanesCli.example(example);
    if (!example.equals("sample-project")) {
      return folder.resolve("target/surefire-reports");
    }
    Path baseline = folder.resolve("target/surefire-baseline");
    boolean made;
    try (Stream<Path> files = Files.isDirectory(baseline) ? Files.list(baseline) : Stream.empty()) {
      made = files.anyMatch(f -> f.getFileName().toString().startsWith("TEST-"));
    }
    if (!made) {
      Path log = Files.createTempFile("surefire-baseline", ".txt");
      Process mvn = new ProcessBuilder("mvn", "-o", "-B", "-q", "surefire:test").directory(folder.toFile())
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
      if (!mvn.waitFor(3, java.util.concurrent.TimeUnit.MINUTES) || mvn.exitValue() != 0) {
        mvn.destroyForcibly();
        throw new AssertionError("mvn surefire:test in " + example + " failed:\n" + Files.readString(log));
      }
      Files.delete(log);
    }
    return baseline;
  }

  /** Surefire writes nested classes ({@code Outer$Inner}) to files of their own: they are added to the outer class. */
  static Map<String, Counts> ofSurefire(Path reportsDir) throws Exception {
    Map<String, Counts> counts = new TreeMap<>();
    try (Stream<Path> files = Files.list(reportsDir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).toList()) {
        Element suite = parse(file).getDocumentElement();
        String name = suite.getAttribute("name").replaceFirst("\\$.*", "");
        counts.merge(name, counts(suite), Counts::plus);
      }
    }
    return counts;
  }

  static Map<String, Counts> ofLanes(Path report) throws Exception {
    Map<String, Counts> counts = new TreeMap<>();
    NodeList suites = parse(report).getElementsByTagName("testsuite");
    for (int i = 0; i < suites.getLength(); i++) {
      Element suite = (Element) suites.item(i);
      counts.merge(suite.getAttribute("name"), counts(suite), Counts::plus);
    }
    return counts;
  }

  /** Every testcase as "classname#name", from all of Surefire's TEST-*.xml files or from Lanes' one report. */
  static java.util.Set<String> testcases(Path reportOrDir) throws Exception {
    java.util.Set<String> names = new java.util.TreeSet<>();
    java.util.List<Path> files;
    if (Files.isDirectory(reportOrDir)) {
      try (Stream<Path> list = Files.list(reportOrDir)) {
        files = list.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).toList();
      }
    } else {
      files = java.util.List.of(reportOrDir);
    }
    for (Path file : files) {
      NodeList cases = parse(file).getElementsByTagName("testcase");
      for (int i = 0; i < cases.getLength(); i++) {
        Element testcase = (Element) cases.item(i);
        names.add(testcase.getAttribute("classname") + "#" + testcase.getAttribute("name"));
      }
    }
    return names;
  }

  static Counts total(Map<String, Counts> counts) {
    return counts.values().stream().reduce(new Counts(0, 0, 0, 0), Counts::plus);
  }

  static Document parse(Path file) throws Exception {
    try {
      return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    } catch (IOException e) {
      throw new AssertionError("cannot read " + file, e);
    }
  }

  private static Counts counts(Element suite) {
    return new Counts(integer(suite, "tests"), integer(suite, "failures"), integer(suite, "errors"), integer(suite, "skipped"));
  }

  private static int integer(Element element, String attribute) {
    String value = element.getAttribute(attribute);
    return value.isEmpty() ? 0 : Integer.parseInt(value);
  }
}
