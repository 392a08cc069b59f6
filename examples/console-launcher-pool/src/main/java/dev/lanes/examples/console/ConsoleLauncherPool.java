package dev.lanes.examples.console;

import dev.lanes.spi.PoolContext;
import dev.lanes.spi.ProcessPool;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.TestErrors;
import dev.lanes.spi.report.FileReport;
import dev.lanes.spi.report.SuiteReport;
import dev.lanes.spi.report.TestReport;
import dev.lanes.spi.support.ChildProcess;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.platform.console.ConsoleLauncher;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Runs each test class in a JVM of its own through the JUnit Console Launcher and reports its XML report's tests. */
record ConsoleLauncherPool(PoolContext context, ConsoleLauncherPoolProvider.Options options) implements ProcessPool {
  @Override
  public String name() {
    return "console-launcher";
  }

  @Override
  public CompletionStage<Void> runTests(List<TestSpecification> specs, List<String> invalidates) {
    return context.runFiles(specs, this::run);
  }

  @Override
  public CompletionStage<Void> collectTests(List<TestSpecification> specs, List<String> invalidates) {
    specs.forEach(spec -> context.collect(spec).finished()); // the launcher lists nothing it does not run
    return CompletableFuture.completedFuture(null);
  }

  private void run(FileReport report) throws Exception {
    TestSpecification spec = report.spec();
    Path reports = Files.createTempDirectory("console-launcher");
    List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
    command.addAll(options.jvmArgs());
    command.addAll(List.of("-cp", Path.of(ConsoleLauncher.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI()).toString(), ConsoleLauncher.class.getName(), "execute", "--disable-banner", "--details=none",
        "--reports-dir=" + reports, "--config=junit.platform.output.capture.stdout=true",
        "--config=junit.platform.output.capture.stderr=true", "--class-path=" + spec.project().classpath().stream()
        .map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
    List<String> selected = spec.testIds().stream().map(id -> "--select-unique-id=" + id).toList();
    command.addAll(selected.isEmpty() ? List.of("--select-class=" + spec.moduleId()) : selected);
    // a JVM of the pool's own that cannot outlive the run, even if lanes is killed
    ChildProcess.Ended jvm = ChildProcess.run(new ProcessBuilder(command).directory(spec.project().root().toFile()));
    int exit = jvm.exitCode();
    try (Stream<Path> files = Files.list(reports)) {
      for (Path xml : files.sorted().toList()) { // one per engine: TEST-junit-jupiter.xml, TEST-junit-vintage.xml, ...
        if (exit <= 1) { // 1: tests failed; more: the launcher or its JVM did, and wrote no report
          report(xml, report);
        }
        Files.delete(xml);
      }
    }
    Files.delete(reports);
    if (exit > 1) {
      report.failed(TestError.of("LauncherExit", "the console launcher exited with code " + exit + ":\n"
          + jvm.output()));
    }
  }

  /** Each {@code testcase}: its display name's path ("Engine > Class > Nested > test()") gives its suites. */
  private static void report(Path xml, FileReport report) throws Exception {
    NodeList cases = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile())
        .getElementsByTagName("testcase");
    Map<String, SuiteReport> suites = new HashMap<>();
    for (int i = 0; i < cases.getLength(); i++) {
      Element testcase = (Element) cases.item(i);
      List<String> outputs = texts(testcase, "system-out");
      String[] path = line(outputs.get(0), "display-name: ").split(" > ");
      SuiteReport suite = report;
      for (int level = 2; level < path.length - 1; level++) {
        SuiteReport parent = suite;
        String name = path[level];
        suite = suites.computeIfAbsent(String.join(" > ", List.of(path).subList(0, level + 1)),
            key -> parent.suite(name, testcase.getAttribute("classname")));
      }
      TestReport test = suite.test(path[path.length - 1], Optional.of(line(outputs.get(0), "unique-id: ")));
      outputs.stream().skip(1).filter(t -> !t.isBlank()).forEach(t -> test.output(t.strip() + "\n"));
      texts(testcase, "system-err").stream().filter(t -> !t.isBlank()).forEach(t -> test.errorOutput(t.strip() + "\n"));
      Duration took = Duration.ofMillis(Math.round(Double.parseDouble(testcase.getAttribute("time")) * 1000));
      List<String> failures = Stream.of("failure", "error").flatMap(tag -> texts(testcase, tag).stream()).toList();
      if (!failures.isEmpty()) {
        test.failed(took, failures.stream().map(text -> TestErrors.parse(text).orElseThrow()).toList());
      } else if (!texts(testcase, "skipped").isEmpty()) { // a reason, or the assumption's stack trace
        String reason = texts(testcase, "skipped").get(0);
        test.skipped(TestErrors.parse(reason).map(TestError::message).filter(m -> !m.isEmpty()).orElse(reason));
      } else {
        test.passed(took);
      }
    }
  }

  private static List<String> texts(Element parent, String tag) {
    NodeList nodes = parent.getElementsByTagName(tag);
    return IntStream.range(0, nodes.getLength()).mapToObj(i -> nodes.item(i).getTextContent()).toList();
  }

  private static String line(String text, String prefix) {
    return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse(prefix).substring(prefix.length());
  }
}
