package dev.lanes.core.internal.reporters;

import com.google.auto.service.AutoService;
import dev.lanes.spi.FileOutcome;
import dev.lanes.spi.Reporter;
import dev.lanes.spi.ReporterOptions;
import dev.lanes.spi.ReporterProvider;
import dev.lanes.spi.TestCase;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.UserConsoleLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * JUnit XML as Surefire writes it, which Jenkins, GitLab and GitHub read: one {@code testsuite} per
 * test class, a {@code testcase} per test with {@code failure} (assertions) or {@code error} (other
 * exceptions), {@code skipped}, and the test's {@code system-out}/{@code system-err}.
 */
public final class JunitReporter implements Reporter {
  private final ReporterOptions options;

  JunitReporter(ReporterOptions options) {
    this.options = options;
  }

  @Override
  public void onTestRunEnd(List<TestModule> modules, List<TestError> unhandledErrors, RunEndReason reason) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      write(bytes, modules);
      Optional<Path> file = options.outputFile();
      if (file.isPresent()) {
        ReportFiles.write(options, file.get(), bytes.toString(StandardCharsets.UTF_8), " JUNIT  report");
      } else {
        options.console().println(bytes.toString(StandardCharsets.UTF_8));
      }
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write the junit report. This is a bug in Lanes.", e);
    }
  }

  private static void write(OutputStream out, List<TestModule> modules) throws XMLStreamException {
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeCharacters("\n");
    xml.writeStartElement("testsuites");
    xml.writeAttribute("name", "lanes");
    List<TestCase> all = modules.stream().flatMap(m -> m.tests().stream()).toList();
    counts(xml, modules.stream().mapToInt(m -> caseCount(m)).sum(), all, modules.stream().filter(m -> !m.errors().isEmpty()).count(),
        modules.stream().filter(m -> notRun(m).isPresent()).count(), modules.stream().mapToLong(TestModule::durationMillis).sum());
    xml.writeCharacters("\n");
    for (TestModule module : modules) {
      suite(xml, module, "  ");
    }
    xml.writeEndElement();
    xml.writeCharacters("\n");
    xml.writeEndDocument();
    xml.close();
  }

  /** One file's {@code testsuite} as a document of its own: Surefire's {@code TEST-<class>.xml}. */
  static void writeSuite(OutputStream out, TestModule module) throws XMLStreamException {
    XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
    xml.writeStartDocument("UTF-8", "1.0");
    xml.writeCharacters("\n");
    suite(xml, module, "");
    xml.writeEndDocument();
    xml.close();
  }

  private static int caseCount(TestModule module) {
    return module.tests().size() + (module.errors().isEmpty() ? 0 : 1) + (notRun(module).isPresent() ? 1 : 0);
  }

  /**
   * Why a file whose tests were never known was not run ("not run: the run was interrupted", a bail): written as one
   * skipped case named after the file, as Surefire writes a skipped class, never as an empty suite. A file that ran
   * and had no test to run (none matched the tags) stays an empty suite, as under Surefire.
   */
  static Optional<String> notRun(TestModule module) {
    boolean neverRan = module.outcome() instanceof FileOutcome.NotRun || module.outcome() instanceof FileOutcome.Cancelled;
    return module.tests().isEmpty() && module.errors().isEmpty() && module.state() == TaskState.SKIP && neverRan
        ? module.result().flatMap(TaskResult::note) : Optional.empty();
  }

  private static void counts(XMLStreamWriter xml, int tests, List<TestCase> cases, long moduleErrors, long moduleSkips,
                             long millis) throws XMLStreamException {
    xml.writeAttribute("tests", String.valueOf(tests));
    xml.writeAttribute("failures", String.valueOf(cases.stream().filter(c -> kind(c).equals("failure")).count()));
    xml.writeAttribute("errors", String.valueOf(cases.stream().filter(c -> kind(c).equals("error")).count() + moduleErrors));
    xml.writeAttribute("skipped", String.valueOf(cases.stream().filter(c -> ConsoleFormat.state(c) == TaskState.SKIP).count()
        + moduleSkips));
    xml.writeAttribute("time", seconds(millis));
  }

  private static void suite(XMLStreamWriter xml, TestModule module, String indent) throws XMLStreamException {
    xml.writeCharacters(indent);
    xml.writeStartElement("testsuite");
    xml.writeAttribute("name", module.moduleId());
    counts(xml, caseCount(module), module.tests(), module.errors().isEmpty() ? 0 : 1, notRun(module).isPresent() ? 1 : 0,
        module.durationMillis());
    xml.writeAttribute("timestamp", DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(
        Instant.ofEpochMilli(module.startTime()).atOffset(ZoneOffset.UTC).withNano(0)));
    xml.writeAttribute("hostname", hostname());
    if (!module.project().isEmpty()) {
      xml.writeAttribute("group", module.project());
    }
    xml.writeCharacters("\n");
    for (TestCase test : module.tests()) {
      testcase(xml, test);
    }
    Optional<String> notRun = notRun(module);
    if (notRun.isPresent()) {
      xml.writeCharacters("    ");
      xml.writeStartElement("testcase");
      xml.writeAttribute("name", module.moduleId());
      xml.writeAttribute("classname", module.moduleId());
      xml.writeAttribute("time", seconds(0));
      xml.writeEmptyElement("skipped");
      attribute(xml, "message", notRun.get());
      xml.writeEndElement();
      xml.writeCharacters("\n");
    }
    if (!module.errors().isEmpty()) {
      xml.writeCharacters("    ");
      xml.writeStartElement("testcase");
      xml.writeAttribute("name", module.moduleId());
      xml.writeAttribute("classname", module.moduleId());
      xml.writeAttribute("time", seconds(module.durationMillis()));
      problem(xml, "error", module.errors().get(0));
      output(xml, "system-out", module.logs(), UserConsoleLog.ConsoleStream.STDOUT);
      output(xml, "system-err", module.logs(), UserConsoleLog.ConsoleStream.STDERR);
      xml.writeEndElement();
      xml.writeCharacters("\n");
    }
    xml.writeCharacters(indent);
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  private static void testcase(XMLStreamWriter xml, TestCase test) throws XMLStreamException {
    xml.writeCharacters("    ");
    xml.writeStartElement("testcase");
    xml.writeAttribute("name", caseName(test));
    xml.writeAttribute("classname", reportedClassName(test));
    xml.writeAttribute("time", seconds(test.result().map(TaskResult::durationMillis).orElse(0L)));
    String kind = kind(test);
    if (!kind.isEmpty()) {
      problem(xml, kind, test.result().orElseThrow().errors().get(0));
    } else if (ConsoleFormat.state(test) == TaskState.SKIP) {
      xml.writeEmptyElement("skipped");
      test.result().flatMap(TaskResult::note).ifPresent(note -> attribute(xml, "message", note));
    } else if (ConsoleFormat.state(test) == TaskState.PASS) {
      for (TestError attempt : test.result().map(TaskResult::errors).orElse(List.of())) {
        flaky(xml, attempt); // passed on a retry: Surefire's record of each failed attempt
      }
    }
    output(xml, "system-out", test.logs(), UserConsoleLog.ConsoleStream.STDOUT);
    output(xml, "system-err", test.logs(), UserConsoleLog.ConsoleStream.STDERR);
    xml.writeEndElement();
    xml.writeCharacters("\n");
  }

  private static void problem(XMLStreamWriter xml, String kind, TestError error) throws XMLStreamException {
    xml.writeStartElement(kind);
    xml.writeAttribute("message", clean(error.message()));
    xml.writeAttribute("type", error.name());
    xml.writeCharacters(clean(error.headline() + "\n" + error.stack().orElse("")));
    xml.writeEndElement();
  }

  private static void flaky(XMLStreamWriter xml, TestError error) throws XMLStreamException {
    xml.writeStartElement(kindOf(error.name()).equals("failure") ? "flakyFailure" : "flakyError");
    xml.writeAttribute("message", clean(error.message()));
    xml.writeAttribute("type", error.name());
    xml.writeStartElement("stackTrace");
    xml.writeCharacters(clean(error.headline() + "\n" + error.stack().orElse("")));
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private static void output(XMLStreamWriter xml, String element, List<UserConsoleLog> logs,
                             UserConsoleLog.ConsoleStream stream) throws XMLStreamException {
    String text = logs.stream().filter(l -> l.type() == stream).map(UserConsoleLog::content).collect(Collectors.joining());
    if (!text.isEmpty()) {
      xml.writeStartElement(element);
      xml.writeCharacters(clean(text));
      xml.writeEndElement();
    }
  }

  /**
   * Surefire's class name for a test: its class's {@code @DisplayName} when it has one (a nested class "allocation"),
   * else the class's binary name ({@code MoneyTest$Errors}).
   */
  static String reportedClassName(TestCase test) {
    String className = test.className().orElse(test.module().moduleId());
    String simpleName = className.substring(Math.max(className.lastIndexOf('.'), className.lastIndexOf('$')) + 1);
    return test.classDisplayName().filter(name -> !name.equals(simpleName)).orElse(className);
  }

  /** Surefire's name for a test: the engine's reporting name without a trailing "()", else the display path. */
  private static String caseName(TestCase test) {
    return test.reportingName().map(name -> name.endsWith("()") ? name.substring(0, name.length() - 2) : name)
        .orElseGet(() -> test.suitePath().isEmpty() ? test.name()
            : String.join(" > ", test.suitePath()) + " > " + test.name());
  }

  /** "failure" for an assertion, "error" for any other exception, "" for a test that did not fail. */
  private static String kind(TestCase test) {
    if (ConsoleFormat.state(test) != TaskState.FAIL) {
      return "";
    }
    List<TestError> errors = test.result().map(TaskResult::errors).orElse(List.of());
    if (errors.isEmpty()) {
      return "";
    }
    return kindOf(errors.get(0).name());
  }

  private static String kindOf(String name) {
    String simple = name.substring(name.lastIndexOf('.') + 1);
    // a type test's compile error is its claim failing, as an assertion's is (the typecheck pool's TypeCheckError)
    return simple.contains("Assertion") || simple.equals("ComparisonFailure") || simple.contains("AssertionFailed")
        || simple.equals("TypeCheckError") ? "failure" : "error";
  }

  private static void attribute(XMLStreamWriter xml, String name, String value) {
    try {
      xml.writeAttribute(name, clean(value));
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Drops characters XML 1.0 cannot hold (a test may print anything). */
  private static String clean(String text) {
    StringBuilder out = new StringBuilder(text.length());
    text.codePoints().forEach(c -> {
      if (c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD) || c >= 0x10000) {
        out.appendCodePoint(c);
      }
    });
    return out.toString();
  }

  private static String seconds(long millis) {
    return String.format(java.util.Locale.ROOT, "%.3f", millis / 1000.0);
  }

  private static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }

  /** {@code reporters = [junit]}. */
  @AutoService(ReporterProvider.class)
  public static final class Provider implements ReporterProvider {
    @Override
    public String name() {
      return "junit";
    }

    @Override
    public Reporter create(ReporterOptions options) {
      return new JunitReporter(options);
    }
  }
}
