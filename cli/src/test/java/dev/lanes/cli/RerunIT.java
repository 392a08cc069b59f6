package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running only part of a suite by what happened before: {@code --last-failed}, {@code --changed}. */
class RerunIT {
  private static final Pattern FILE_LINE = Pattern.compile("^ (?:✓|❯|×|↓) ([\\w.]+) ", Pattern.MULTILINE);

  @TempDir
  Path dir;

  /** The failing sample's classes, run from a folder of their own (its results cache is this test's). */
  private void failingSample() throws Exception {
    Path sample = LanesCli.example("failing-sample").resolve("target");
    Files.writeString(dir.resolve("lanes.conf"), """
        pool = threads
        classpath = ["%1$s/test-classes", "%1$s/classes", "@%1$s/lanes-classpath.txt"]
        testClassDirs = ["%1$s/test-classes"]
        """.formatted(sample.toString().replace("\\", "\\\\")));
  }

  @Test
  void lastFailedRunsOnlyTheFilesThatFailedInTheLastRunAndAllWhenNoneIsRecorded() throws Exception {
    failingSample();

    LanesCli.Result first = LanesCli.run(dir, "run", "--last-failed");
    assertThat(first.out()).as(first.all()).contains("--last-failed: no run of these test files is recorded"
        + " (target/lanes-cache); running all 2 files.");
    assertThat(files(first.out())).containsExactlyInAnyOrder("dev.lanes.fixtures.FailingAssertionsTest",
        "dev.lanes.fixtures.OutputAndAssumptionsTest");
    assertThat(first.exitCode()).isEqualTo(1);

    LanesCli.Result again = LanesCli.run(dir, "run", "--last-failed");
    assertThat(files(again.out())).as(again.all()).containsExactly("dev.lanes.fixtures.FailingAssertionsTest");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.out()).doesNotContain("--last-failed:");
  }

  /**
   * A git repository holding a copy of the sample project, built: its sources, pom, lanes.conf and compiled classes
   * (the classes are ignored by git, as a build's are).
   */
  private void sampleRepository() throws Exception {
    Path sample = LanesCli.example("sample-project");
    for (String part : List.of("src", "pom.xml", "lanes.conf", "target/classes", "target/test-classes",
        "target/lanes-classpath.txt")) {
      copy(sample.resolve(part), dir.resolve(part));
    }
    Files.writeString(dir.resolve(".gitignore"), "target/\n");
    git("init", "-q");
    git("add", "-A");
    git("-c", "user.name=Lanes", "-c", "user.email=lanes@example.invalid", "commit", "-q", "-m", "sample");
  }

  @Test
  void changedRunsTheTestClassesAChangedClassReachesAndListSaysWhy() throws Exception {
    sampleRepository();
    Path money = dir.resolve("src/main/java/dev/lanes/sample/Money.java");
    Files.writeString(money, Files.readString(money) + "\n// a change\n");
    Files.writeString(dir.resolve("NOTES.md"), "not code\n");

    LanesCli.Result run = LanesCli.run(dir, "run", "--changed");
    assertThat(files(run.out())).as(run.all()).containsExactlyInAnyOrder("dev.lanes.sample.MoneyTest",
        "dev.lanes.sample.InvoicePrinterTest");
    assertThat(run.exitCode()).isZero();

    LanesCli.Result list = LanesCli.run(dir, "list", "--changed");
    assertThat(list.out()).as(list.all())
        .contains("--changed (not committed): 2 changed files reach 2 of 5 test files.")
        .contains("  dev.lanes.sample.MoneyTest  <- src/main/java/dev/lanes/sample/Money.java")
        .contains("  dev.lanes.sample.InvoicePrinterTest  <- src/main/java/dev/lanes/sample/Money.java")
        .contains("  reaching no test: NOTES.md");

    git("-c", "user.name=Lanes", "-c", "user.email=lanes@example.invalid", "commit", "-q", "-am", "money");
    LanesCli.Result sinceParent = LanesCli.run(dir, "list", "--changed=HEAD~1");
    assertThat(sinceParent.out()).as(sinceParent.all())
        .contains("--changed (since HEAD~1): 2 changed files reach 2 of 5 test files."); // Money.java, NOTES.md (untracked)

    Files.writeString(dir.resolve("pom.xml"), Files.readString(dir.resolve("pom.xml")) + "<!-- a change -->\n");
    LanesCli.Result build = LanesCli.run(dir, "list", "--changed");
    assertThat(build.out()).as(build.all()).contains("--changed (not committed): pom.xml changed (a build file,"
        + " resource or lanes.conf: every test file runs); all 5 test files run.");

    LanesCli.Result notGit = LanesCli.run(Files.createDirectories(dir.resolve("target/elsewhere")), "run",
        "--changed=no-such-ref", "--root", dir.toString());
    assertThat(notGit.exitCode()).isEqualTo(2);
    assertThat(notGit.err()).contains("--changed no-such-ref: git cannot compare with it");
  }

  private void git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process git = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(git.getInputStream().readAllBytes());
    assertThat(git.waitFor()).as("git " + String.join(" ", args) + ": " + output).isZero();
  }

  private static void copy(Path from, Path to) throws Exception {
    try (java.util.stream.Stream<Path> files = Files.walk(from)) {
      for (Path file : files.toList()) {
        Path target = to.resolve(from.relativize(file).toString());
        if (Files.isDirectory(file)) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          Files.copy(file, target);
        }
      }
    }
  }

  private static List<String> files(String out) {
    List<String> files = new ArrayList<>();
    Matcher matcher = FILE_LINE.matcher(out);
    while (matcher.find()) {
      files.add(matcher.group(1));
    }
    return files;
  }
}
