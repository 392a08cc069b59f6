package dev.lanes.core.internal.reporters;

import com.google.auto.service.AutoService;
import dev.lanes.spi.Reporter;
import dev.lanes.spi.ReporterOptions;
import dev.lanes.spi.ReporterProvider;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.protocol.TestError;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLStreamException;

/**
 * Surefire's report folder: a {@code TEST-<class>.xml} per test class (the {@code junit} reporter's {@code testsuite}
 * as a document of its own), where CI servers and IDEs look for Surefire's. The folder is {@code outputFile}, by
 * default {@code target/surefire-reports}; a file of a named project is {@code TEST-<project>.<class>.xml}. A file
 * without tests gets no report, as in Surefire.
 */
public final class SurefireReporter implements Reporter {
  static final String DEFAULT_FOLDER = "target/surefire-reports";

  private final ReporterOptions options;

  SurefireReporter(ReporterOptions options) {
    this.options = options;
  }

  @Override
  public void onTestRunEnd(List<TestModule> modules, List<TestError> unhandledErrors, RunEndReason reason) {
    Path folder = options.outputFile().orElse(options.root().resolve(DEFAULT_FOLDER));
    // as Surefire: no report for a class without tests (an abstract base class that the include globs match)
    List<TestModule> reported = modules.stream().filter(m -> !m.tests().isEmpty() || !m.errors().isEmpty()).toList();
    for (TestModule module : reported) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try {
        JunitReporter.writeSuite(bytes, module);
      } catch (XMLStreamException e) {
        throw new IllegalStateException("cannot write the surefire report. This is a bug in Lanes.", e);
      }
      ReportFiles.writeQuietly(folder.resolve(fileName(module)), bytes.toString(StandardCharsets.UTF_8),
          "surefire report");
    }
    options.console().println(" SUREFIRE  " + reported.size() + (reported.size() == 1 ? " report" : " reports")
        + " written to " + ConsoleFormat.displayPath(options.root(), folder));
  }

  /** {@code TEST-<class>.xml}; a source file's module id (a path) with its separators as dots. */
  static String fileName(TestModule module) {
    String name = (module.project().isEmpty() ? "" : module.project() + ".") + module.moduleId();
    return "TEST-" + name.replaceAll("[/\\\\:*?\"<>|]", ".") + ".xml";
  }

  /** {@code reporters = [surefire]}. */
  @AutoService(ReporterProvider.class)
  public static final class Provider implements ReporterProvider {
    @Override
    public String name() {
      return "surefire";
    }

    @Override
    public Reporter create(ReporterOptions options) {
      return new SurefireReporter(options);
    }
  }
}
