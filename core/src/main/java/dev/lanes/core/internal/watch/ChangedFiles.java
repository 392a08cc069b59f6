package dev.lanes.core.internal.watch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The files a change touches, as git sees it ({@code --changed [REF]}): without a ref, what is not committed (staged,
 * unstaged, untracked); with one ({@code HEAD~1}, {@code origin/main}), everything that differs from it, committed or
 * not, plus untracked files. It runs the {@code git} command rather than carrying JGit: every checkout that has a
 * history to compare has git, its answer is the one the user sees in {@code git status}, and Lanes' distribution
 * stays small.
 */
public final class ChangedFiles {
  private ChangedFiles() {
  }

  /** What git answered: the changed files (absolute), or why it could not answer. */
  public record Answer(List<Path> files, Optional<String> problem) {
    public Answer {
      files = List.copyOf(files);
    }
  }

  /** The files changed in the work tree that holds {@code folder}, against {@code ref} (empty: against HEAD). */
  public static Answer of(Path folder, Optional<String> ref) {
    try {
      Result top = git(folder, "rev-parse", "--show-toplevel");
      if (top.code() != 0) {
        return failed("--changed: " + folder + " is not in a git work tree (" + top.err().strip() + "); --changed"
            + " compares with git.");
      }
      Path root = Path.of(top.out().strip());
      String against = ref.filter(r -> !r.isBlank()).orElse("HEAD");
      if (against.startsWith("-")) {
        return failed("--changed: '" + against + "' is not a git reference.");
      }
      Result diff = git(root, "diff", "--name-only", "--no-renames", against, "--");
      if (diff.code() != 0) {
        return failed("--changed " + against + ": git cannot compare with it: " + diff.err().strip());
      }
      Result untracked = git(root, "ls-files", "--others", "--exclude-standard");
      Set<Path> files = new LinkedHashSet<>();
      for (String line : (diff.out() + "\n" + untracked.out()).split("\n")) {
        if (!line.isBlank()) {
          files.add(root.resolve(line.strip()).normalize());
        }
      }
      return new Answer(new ArrayList<>(files), Optional.empty());
    } catch (IOException e) {
      return failed("--changed: the git command cannot be run (" + e.getMessage() + "); --changed needs git on the"
          + " PATH.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failed("--changed: interrupted while asking git");
    }
  }

  private static Answer failed(String problem) {
    return new Answer(List.of(), Optional.of(problem));
  }

  private record Result(int code, String out, String err) {
  }

  private static Result git(Path folder, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", folder.toString()));
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    String out;
    String err;
    try (InputStream stdout = process.getInputStream(); InputStream stderr = process.getErrorStream()) {
      out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
      err = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("git " + String.join(" ", args) + " did not answer within 60 s");
    }
    return new Result(process.exitValue(), out, err);
  }
}
