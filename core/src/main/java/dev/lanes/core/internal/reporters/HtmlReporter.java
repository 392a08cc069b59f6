package dev.lanes.core.internal.reporters;

import com.google.auto.service.AutoService;
import dev.lanes.spi.Reporter;
import dev.lanes.spi.ReporterOptions;
import dev.lanes.spi.ReporterProvider;
import dev.lanes.spi.TestCase;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TestError;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One static, self-contained page (no scripts, no files beside it): the counts, a timeline of which worker ran which
 * file when — the view for choosing {@code maxWorkers} and finding the slow file —, the results tree, and each
 * failure with its expected/actual and stack. Written to {@code outputFile}, by default {@value #DEFAULT_FILE}.
 */
public final class HtmlReporter implements Reporter {
  static final String DEFAULT_FILE = "target/lanes-report/index.html";

  private final ReporterOptions options;
  private long start;

  HtmlReporter(ReporterOptions options) {
    this.options = options;
  }

  @Override
  public void onTestRunStart(List<TestSpecification> specifications) {
    start = System.currentTimeMillis();
  }

  @Override
  public void onTestRunEnd(List<TestModule> modules, List<TestError> unhandledErrors, RunEndReason reason) {
    Path file = options.outputFile().orElse(options.root().resolve(DEFAULT_FILE));
    String page = new HtmlPage(options.root(), modules, unhandledErrors, reason, start,
        System.currentTimeMillis() - start).render();
    ReportFiles.write(options, file, page, "HTML report");
  }

  /** {@code reporters = [html]}. */
  @AutoService(ReporterProvider.class)
  public static final class Provider implements ReporterProvider {
    @Override
    public String name() {
      return "html";
    }

    @Override
    public Reporter create(ReporterOptions options) {
      return new HtmlReporter(options);
    }
  }

  /** The page of one run. */
  private record HtmlPage(Path root, List<TestModule> modules, List<TestError> unhandled, RunEndReason reason,
                          long runStart, long runMillis) {
    private static final String STYLE = """
        body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1f2328;background:#fff}
        h1{font-size:20px;margin:0 0 4px}h2{font-size:16px;margin:28px 0 8px}
        .counts span{margin-right:14px}.pass{color:#1a7f37}.fail{color:#cf222e}.skip{color:#9a6700}
        #timeline{border:1px solid #d0d7de;border-radius:6px;padding:8px 8px 4px}
        .lane{display:flex;align-items:center;height:22px;margin-bottom:4px}
        .lane-name{width:150px;flex:none;font-size:12px;color:#57606a;overflow:hidden;white-space:nowrap}
        .track{position:relative;flex:1;height:18px;background:#f6f8fa;border-radius:3px}
        .bar{position:absolute;top:1px;height:16px;border-radius:3px;min-width:2px;background:#54aeff;overflow:hidden;
          font-size:11px;color:#fff;white-space:nowrap;box-sizing:border-box;padding:0 3px}
        .bar.fail{background:#cf222e}.bar.skip{background:#d4a72c}
        .axis{display:flex;justify-content:space-between;margin-left:150px;font-size:11px;color:#57606a}
        details.file{border:1px solid #d0d7de;border-radius:6px;margin:6px 0;padding:4px 10px}
        summary{cursor:pointer}.muted{color:#57606a;font-size:12px}
        ul.tests{list-style:none;padding-left:14px;margin:6px 0}
        .error{border-left:3px solid #cf222e;background:#fff5f5;padding:8px 12px;margin:8px 0;white-space:pre-wrap;
          font:12px/1.4 ui-monospace,monospace;overflow-x:auto}
        .expected{color:#1a7f37}.actual{color:#cf222e}
        """;

    String render() {
      StringBuilder html = new StringBuilder(16_384);
      html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Lanes report</title><style>")
          .append(STYLE).append("</style></head><body>\n");
      summary(html);
      timeline(html);
      failures(html);
      results(html);
      html.append("</body></html>\n");
      return html.toString();
    }

    private void summary(StringBuilder html) {
      List<TestCase> tests = modules.stream().flatMap(m -> m.tests().stream()).toList();
      html.append("<h1>Lanes report</h1><p class=\"muted\">").append(escape(Instant.ofEpochMilli(runStart).toString()))
          .append(" · ").append(ConsoleFormat.duration(runMillis)).append(" · ")
          .append(reason.name().toLowerCase()).append("</p>\n<div id=\"summary\" class=\"counts\">")
          .append(count("files", modules.stream().map(TestModule::state).toList()))
          .append(count("tests", tests.stream().map(ConsoleFormat::state).toList()));
      if (!unhandled.isEmpty()) {
        html.append("<span class=\"fail\">").append(unhandled.size()).append(" unhandled errors</span>");
      }
      html.append("</div>\n");
    }

    private static String count(String what, List<TaskState> states) {
      Map<TaskState, Long> counts = states.stream().collect(Collectors.groupingBy(s -> s, TreeMap::new,
          Collectors.counting()));
      StringBuilder text = new StringBuilder("<span data-count=\"" + what + "\"><b>" + states.size() + "</b> " + what
          + ":</span>");
      counts.forEach((state, n) -> text.append("<span class=\"").append(css(state)).append("\" data-").append(what)
          .append("-").append(css(state)).append("=\"").append(n).append("\">").append(n).append(" ")
          .append(word(state)).append("</span>"));
      return text.toString();
    }

    /** A lane per worker (pool and slot), a bar per file at the time it ran, as wide as it took. */
    private void timeline(StringBuilder html) {
      List<TestModule> ran = modules.stream().filter(m -> m.startTime() > 0).toList();
      html.append("<h2>Timeline</h2>\n<div id=\"timeline\">\n");
      if (ran.isEmpty()) {
        html.append("<p class=\"muted\">No file ran.</p></div>\n");
        return;
      }
      long first = ran.stream().mapToLong(TestModule::startTime).min().orElse(runStart);
      long last = ran.stream().mapToLong(m -> m.startTime() + m.durationMillis()).max().orElse(first + 1);
      double span = Math.max(1, last - first);
      Map<String, List<TestModule>> lanes = new TreeMap<>();
      for (TestModule module : ran) {
        lanes.computeIfAbsent(module.pool() + " worker " + String.format(java.util.Locale.ROOT, "%03d", module.poolId()), k -> new java.util.ArrayList<>())
            .add(module);
      }
      lanes.forEach((lane, files) -> {
        html.append("<div class=\"lane\" data-worker=\"").append(escape(lane)).append("\"><div class=\"lane-name\">")
            .append(escape(lane.replaceFirst(" 0*(\\d)", " $1"))).append(" · ").append(files.size())
            .append(files.size() == 1 ? " file" : " files").append("</div><div class=\"track\">");
        files.stream().sorted(Comparator.comparingLong(TestModule::startTime)).forEach(module -> {
          double left = (module.startTime() - first) * 100 / span;
          double width = Math.max(module.durationMillis(), 0) * 100 / span;
          html.append("<div class=\"bar ").append(css(module.state())).append("\" data-file=\"")
              .append(escape(module.moduleId())).append("\" style=\"left:").append(String.format(java.util.Locale.ROOT, "%.3f", left))
              .append("%;width:").append(String.format(java.util.Locale.ROOT, "%.3f", width)).append("%\" title=\"")
              .append(escape(ConsoleFormat.label(module) + " · " + ConsoleFormat.duration(module.durationMillis())
                  + " · " + word(module.state())))
              .append("\">").append(escape(simpleName(module.moduleId()))).append("</div>");
        });
        html.append("</div></div>\n");
      });
      html.append("<div class=\"axis\"><span>0s</span><span>").append(ConsoleFormat.duration((long) span / 2))
          .append("</span><span>").append(ConsoleFormat.duration((long) span)).append("</span></div>\n");
      html.append("</div>\n<p class=\"muted\">Slowest files: ");
      html.append(ran.stream().sorted(Comparator.comparingLong(TestModule::durationMillis).reversed()).limit(5)
          .map(m -> escape(ConsoleFormat.label(m)) + " (" + ConsoleFormat.duration(m.durationMillis()) + ")")
          .collect(Collectors.joining(", "))).append("</p>\n");
    }

    private void failures(StringBuilder html) {
      List<TestModule> failedFiles = modules.stream().filter(m -> !m.errors().isEmpty()).toList();
      List<TestCase> failedTests = modules.stream().flatMap(m -> m.tests().stream())
          .filter(t -> ConsoleFormat.state(t) == TaskState.FAIL).toList();
      if (failedFiles.isEmpty() && failedTests.isEmpty() && unhandled.isEmpty()) {
        return;
      }
      html.append("<h2>Failures</h2>\n<div id=\"failures\">\n");
      for (TestModule module : failedFiles) {
        html.append("<div class=\"failure\" data-file=\"").append(escape(module.moduleId())).append("\"><b class=\"fail\">")
            .append(escape(ConsoleFormat.label(module))).append("</b>");
        module.errors().forEach(error -> error(html, error, ""));
        html.append("</div>\n");
      }
      for (TestCase test : failedTests) {
        html.append("<div class=\"failure\" data-test=\"").append(escape(test.fullName())).append("\"><b class=\"fail\">")
            .append(escape(test.fullName())).append("</b>");
        test.result().map(TaskResult::errors).orElse(List.of()).forEach(error -> error(html, error,
            SourceLocations.of(root, test, error).map(at -> at.file() + ":" + at.line()).orElse("")));
        html.append("</div>\n");
      }
      for (TestError error : unhandled) {
        html.append("<div class=\"failure\"><b class=\"fail\">Unhandled error</b>");
        error(html, error, "");
        html.append("</div>\n");
      }
      html.append("</div>\n");
    }

    private static void error(StringBuilder html, TestError error, String where) {
      html.append("<div class=\"error\">").append(escape(error.headline()));
      if (!where.isEmpty()) {
        html.append("\n<span class=\"muted\">at ").append(escape(where)).append("</span>");
      }
      if (error.expected().isPresent() || error.actual().isPresent()) {
        html.append("\n\n<span class=\"expected\">- Expected: ").append(escape(error.expected().orElse("")))
            .append("</span>\n<span class=\"actual\">+ Received: ").append(escape(error.actual().orElse("")))
            .append("</span>");
      }
      error.stack().filter(stack -> !stack.isBlank()).ifPresent(stack -> html.append("\n\n").append(escape(stack)));
      html.append("</div>");
      error.cause().ifPresent(cause -> {
        html.append("<div class=\"muted\">Caused by</div>");
        error(html, cause, "");
      });
    }

    private void results(StringBuilder html) {
      html.append("<h2>Results</h2>\n<div id=\"results\">\n");
      for (TestModule module : modules) {
        html.append("<details class=\"file ").append(css(module.state())).append("\" data-file=\"")
            .append(escape(module.moduleId())).append("\"").append(module.state() == TaskState.FAIL ? " open" : "")
            .append("><summary><span class=\"").append(css(module.state())).append("\">").append(symbol(module.state()))
            .append("</span> ").append(escape(ConsoleFormat.label(module))).append(" <span class=\"muted\">")
            .append(module.tests().size()).append(" tests · ").append(ConsoleFormat.duration(module.durationMillis()))
            .append(module.poolId() > 0 ? " · " + escape(module.pool()) + " worker " + module.poolId() : "")
            .append("</span></summary><ul class=\"tests\">");
        for (TestCase test : module.tests()) {
          TaskState state = ConsoleFormat.state(test);
          int retries = test.result().map(TaskResult::retryCount).orElse(0);
          html.append("<li class=\"test ").append(css(state)).append("\"><span class=\"").append(css(state)).append("\">")
              .append(symbol(state)).append("</span> ").append(escape(String.join(" › ", withName(test))))
              .append(" <span class=\"muted\">").append(ConsoleFormat.duration(test.result()
                  .map(TaskResult::durationMillis).orElse(0L)))
              .append(retries > 0 ? " · retry x" + retries : "")
              .append(test.result().flatMap(TaskResult::note).map(note -> " · " + escape(note)).orElse(""))
              .append("</span></li>");
        }
        html.append("</ul></details>\n");
      }
      html.append("</div>\n");
    }

    private static List<String> withName(TestCase test) {
      List<String> names = new java.util.ArrayList<>(test.suitePath());
      names.add(test.name());
      return names;
    }

    private static String simpleName(String moduleId) {
      return moduleId.substring(Math.max(moduleId.lastIndexOf('.'), moduleId.lastIndexOf('/')) + 1);
    }

    private static String css(TaskState state) {
      return switch (state) {
        case PASS -> "pass";
        case FAIL -> "fail";
        case SKIP -> "skip";
        case RUN -> "run";
      };
    }

    private static String word(TaskState state) {
      return switch (state) {
        case PASS -> "passed";
        case FAIL -> "failed";
        case SKIP -> "skipped";
        case RUN -> "not finished";
      };
    }

    private static String symbol(TaskState state) {
      return switch (state) {
        case PASS -> "✓";
        case FAIL -> "×";
        case SKIP -> "↓";
        case RUN -> "…";
      };
    }

    static String escape(String text) {
      StringBuilder out = new StringBuilder(text.length());
      for (char c : text.toCharArray()) {
        switch (c) {
          case '&' -> out.append("&amp;");
          case '<' -> out.append("&lt;");
          case '>' -> out.append("&gt;");
          case '"' -> out.append("&quot;");
          case '\'' -> out.append("&#39;");
          default -> out.append(c);
        }
      }
      return out.toString();
    }
  }
}
