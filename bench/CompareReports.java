import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Compares two folders of Surefire-style {@code TEST-*.xml} reports, test by test: every test case's outcome (passed,
 * failed, error, skipped) in the baseline against the same case in the candidate, and the totals.
 *
 * <p>{@code java bench/CompareReports.java <baseline-dir> <candidate-dir> [label]}: prints the totals of both and every
 * difference, and exits 1 when there is one. A class whose report holds no test cases counts as absent, as Surefire
 * writes no report for it.
 */
public final class CompareReports {

  enum Outcome { PASSED, FAILED, ERROR, SKIPPED }

  record Totals(int tests, int failures, int errors, int skipped) {
    Totals plus(Outcome outcome) {
      return new Totals(tests + 1, failures + (outcome == Outcome.FAILED ? 1 : 0),
          errors + (outcome == Outcome.ERROR ? 1 : 0), skipped + (outcome == Outcome.SKIPPED ? 1 : 0));
    }

    @Override
    public String toString() {
      return "%d tests, %d failures, %d errors, %d skipped".formatted(tests, failures, errors, skipped);
    }
  }

  public static void main(String[] args) throws Exception {
    if (args.length < 2) {
      System.err.println("usage: java CompareReports.java <baseline-dir> <candidate-dir> [label]");
      System.exit(2);
    }
    String label = args.length > 2 ? args[2] + ": " : "";
    Map<String, Outcome> baseline = read(Path.of(args[0]));
    Map<String, Outcome> candidate = read(Path.of(args[1]));
    System.out.println(label + "baseline  " + totals(baseline) + " (" + classes(baseline) + " classes)");
    System.out.println(label + "candidate " + totals(candidate) + " (" + classes(candidate) + " classes)");

    List<String> differences = new ArrayList<>();
    baseline.forEach((test, outcome) -> {
      Outcome other = candidate.get(test);
      if (other == null) {
        differences.add("only in the baseline (" + outcome + "): " + test);
      } else if (other != outcome) {
        differences.add(outcome + " in the baseline, " + other + " here: " + test);
      }
    });
    candidate.forEach((test, outcome) -> {
      if (!baseline.containsKey(test)) {
        differences.add("only here (" + outcome + "): " + test);
      }
    });
    if (differences.isEmpty()) {
      System.out.println(label + "the same " + baseline.size() + " tests with the same outcomes");
      return;
    }
    System.out.println(label + differences.size() + " differences:");
    differences.stream().limit(50).forEach(line -> System.out.println("  " + line));
    if (differences.size() > 50) {
      System.out.println("  … and " + (differences.size() - 50) + " more");
    }
    System.exit(1);
  }

  /** Every test case of a folder's reports, as "class#name" (with a repeat count for cases of the same name). */
  static Map<String, Outcome> read(Path folder) throws Exception {
    if (!Files.isDirectory(folder)) {
      throw new IOException("no reports folder: " + folder);
    }
    Map<String, Outcome> outcomes = new TreeMap<>();
    List<Path> reports;
    try (Stream<Path> files = Files.list(folder)) {
      reports = files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).sorted().toList();
    }
    var builder = DocumentBuilderFactory.newInstance().newDocumentBuilder();
    for (Path report : reports) {
      NodeList cases = builder.parse(report.toFile()).getElementsByTagName("testcase");
      for (int i = 0; i < cases.getLength(); i++) {
        Element testCase = (Element) cases.item(i);
        String key = testCase.getAttribute("classname") + "#" + testCase.getAttribute("name");
        String unique = key;
        for (int repeat = 2; outcomes.containsKey(unique); repeat++) {
          unique = key + " (" + repeat + ")";
        }
        outcomes.put(unique, outcomeOf(testCase));
      }
    }
    return outcomes;
  }

  static Outcome outcomeOf(Element testCase) {
    if (testCase.getElementsByTagName("skipped").getLength() > 0) {
      return Outcome.SKIPPED;
    }
    if (testCase.getElementsByTagName("failure").getLength() > 0) {
      return Outcome.FAILED;
    }
    if (testCase.getElementsByTagName("error").getLength() > 0) {
      return Outcome.ERROR;
    }
    return Outcome.PASSED;
  }

  static Totals totals(Map<String, Outcome> outcomes) {
    Totals totals = new Totals(0, 0, 0, 0);
    for (Outcome outcome : outcomes.values()) {
      totals = totals.plus(outcome);
    }
    return totals;
  }

  static long classes(Map<String, Outcome> outcomes) {
    return outcomes.keySet().stream().map(test -> test.substring(0, test.indexOf('#'))).distinct().count();
  }
}
