package dev.lanes.core.internal.reporters;

import dev.lanes.spi.protocol.TestError;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * What a run says on the console outside any reporter: that it found no test files (and where it looked), that a
 * report could not be written, what each merged blob held, that a watch found nothing yet.
 */
public final class RunMessages {
  private RunMessages() {
  }

  /** Where a project looked for test files: its globs and folders, relative to the run's root. */
  public record Looked(String project, String globs, List<String> folders) {
    public Looked {
      folders = List.copyOf(folders);
    }
  }

  /** No file was found: the run exits with {@code exitCode}; each project says where it looked. */
  public static void noTestFiles(PrintStream console, int exitCode, List<Looked> projects) {
    console.println("No test files found, exiting with code " + exitCode);
    projects.forEach(p -> console.println("  " + (p.project().isEmpty() ? "" : p.project() + ": ") + p.globs() + " in "
        + p.folders()));
  }

  /** This shard holds none of the {@code found} files: it passes, as Vitest's empty shard does. */
  public static void emptyShard(PrintStream console, String shard, int found) {
    console.println("No test files in shard " + shard + " of " + found + " files, exiting with code 0");
  }

  /** The reports that could not be written when the run ended, each on a line of its own. */
  public static void reportErrors(PrintStream console, List<TestError> errors) {
    for (TestError error : errors) {
      console.println("ERROR: " + error.message());
    }
  }

  /** One merged blob: the shard that wrote it, how many files it held, how long its run took. */
  public static void perBlob(PrintStream console, String shard, int files, long durationMillis) {
    console.println("  Per blob  " + shard + "  " + files + (files == 1 ? " file  " : " files  ")
        + String.format(Locale.ROOT, "%.2fs", durationMillis / 1000.0));
  }

  /** {@code --last-failed}, and no file failed in the last recorded run. */
  public static void nothingFailedLastTime(PrintStream console) {
    console.println("--last-failed: no test file failed in the last recorded run; nothing to run.");
  }

  /** {@code --last-failed}, and no run of these files was recorded: they all run. */
  public static void noRunRecorded(PrintStream console, int files) {
    console.println("--last-failed: no run of these test files is recorded (target/lanes-cache); running all " + files
        + (files == 1 ? " file." : " files."));
  }

  /** A test file a change reaches, and the changed files that reach it. */
  public record Reached(String file, List<String> because) {
    public Reached {
      because = List.copyOf(because);
    }
  }

  /**
   * {@code --changed}: how many test files the changes reach, each with why when {@code listing} ({@code lanes list})
   * or when few; the changed files that reach none.
   */
  public static void changed(PrintStream console, String since, int changed, int files, List<Reached> reached,
                             List<String> ignored, boolean listing) {
    console.println("--changed (" + since + "): " + changed + (changed == 1 ? " changed file reaches " : " changed"
        + " files reach ") + reached.size() + " of " + files + " test files" + (reached.isEmpty()
        ? "; nothing to run." : "."));
    if (listing || reached.size() <= 10) {
      reached.forEach(r -> console.println("  " + r.file() + "  <- " + String.join(", ", r.because())));
    }
    if (listing && !ignored.isEmpty()) {
      console.println("  reaching no test: " + String.join(", ", ignored));
    }
  }

  /** {@code --changed}: a change runs every file (a build file, a resource, lanes.conf). */
  public static void changedRunsAll(PrintStream console, String since, String because, int files) {
    console.println("--changed (" + since + "): " + because + "; all " + files + " test files run.");
  }

  /** A watch session that starts before any test class was built. */
  public static void nothingToWatchYet(PrintStream console) {
    console.println(" No test files found; they run as soon as a build writes them.");
  }
}
