package dev.lanes.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every test case of a folder of Surefire-style {@code TEST-*.xml} reports with its outcome, as
 * {@code class#name → passed | failed | error | skipped}: what two runs of one suite are compared by, test by test.
 */
final class SurefireReports {
  private static final Pattern CASE = Pattern.compile("<testcase\\s([^>]*?)(/>|>(.*?)</testcase>)", Pattern.DOTALL);

  private SurefireReports() {
  }

  static Map<String, String> outcomes(Path folder) throws IOException {
    Map<String, String> outcomes = new TreeMap<>();
    List<Path> reports;
    try (Stream<Path> files = Files.list(folder)) {
      reports = files.filter(f -> f.getFileName().toString().matches("TEST-.*\\.xml")).toList();
    }
    for (Path report : reports) {
      Matcher testCase = CASE.matcher(Files.readString(report));
      while (testCase.find()) {
        String body = testCase.group(3) == null ? "" : testCase.group(3);
        String outcome = body.contains("<failure") ? "failed" : body.contains("<error") ? "error"
            : body.contains("<skipped") ? "skipped" : "passed";
        String key = attribute(testCase.group(1), "classname") + "#" + attribute(testCase.group(1), "name");
        String unique = key;
        for (int i = 2; outcomes.containsKey(unique); i++) {
          unique = key + " (" + i + ")";
        }
        outcomes.put(unique, outcome);
      }
    }
    return outcomes;
  }

  private static String attribute(String attributes, String name) {
    Matcher m = Pattern.compile("(?:^|\\s)" + name + "=\"([^\"]*)\"").matcher(attributes);
    return m.find() ? m.group(1) : "";
  }
}
