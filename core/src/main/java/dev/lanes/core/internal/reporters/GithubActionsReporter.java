package dev.lanes.core.internal.reporters;

import com.google.auto.service.AutoService;
import dev.lanes.spi.Reporter;
import dev.lanes.spi.ReporterOptions;
import dev.lanes.spi.ReporterProvider;
import dev.lanes.spi.TestCase;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TestError;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Vitest's github-actions reporter: each failure as a workflow command, {@code ::error file=…,line=…,title=…::message},
 * which GitHub shows as an annotation on the line of the test that failed; errors of a file and of no file too.
 */
public final class GithubActionsReporter implements Reporter {
  private final PrintStream out;
  private final Path root;

  GithubActionsReporter(ReporterOptions options) {
    this.out = options.console();
    this.root = options.root();
  }

  @Override
  public void onTestRunEnd(List<TestModule> modules, List<TestError> unhandledErrors, RunEndReason reason) {
    for (TestModule module : modules) {
      for (TestError error : module.errors()) {
        annotate(Optional.empty(), module.moduleId(), error);
      }
      for (TestCase test : module.tests()) {
        if (ConsoleFormat.state(test) == TaskState.FAIL) {
          for (TestError error : test.result().map(TaskResult::errors).orElse(List.of())) {
            annotate(SourceLocations.of(root, test, error), test.fullName(), error);
          }
        }
      }
    }
    for (TestError error : unhandledErrors) {
      annotate(Optional.empty(), "Unhandled error", error);
    }
    out.flush();
  }

  private void annotate(Optional<SourceLocations.Location> location, String title, TestError error) {
    StringBuilder command = new StringBuilder("::error ");
    location.ifPresent(at -> command.append("file=").append(property(at.file())).append(",line=").append(at.line())
        .append(","));
    command.append("title=").append(property(title)).append("::").append(data(error.headline()
        + error.stack().map(stack -> "\n" + stack).orElse("")));
    out.println(command);
  }

  /** The escapes of a workflow command's message. */
  static String data(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  /** The escapes of a workflow command's property value. */
  static String property(String text) {
    return data(text).replace(":", "%3A").replace(",", "%2C");
  }

  /** {@code reporters = [github-actions]}. */
  @AutoService(ReporterProvider.class)
  public static final class Provider implements ReporterProvider {
    @Override
    public String name() {
      return "github-actions";
    }

    @Override
    public Reporter create(ReporterOptions options) {
      return new GithubActionsReporter(options);
    }
  }
}
