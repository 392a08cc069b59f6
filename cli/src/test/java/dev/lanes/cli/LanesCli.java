package dev.lanes.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the built {@code lanes} distribution as a user would: a separate JVM, in a working folder. */
final class LanesCli {
  static final Path REPO = Path.of(System.getProperty("lanes.repo", "..")).toAbsolutePath().normalize();
  static final Path DISTRIBUTION = Path.of(System.getProperty("lanes.distribution", "target/lanes/lib")).toAbsolutePath();

  record Result(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  private LanesCli() {
  }

  /** {@code java <options> -cp <distribution> dev.lanes.cli.Main}, to which the caller adds the arguments. */
  static List<String> command(List<String> jvmOptions) {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", DISTRIBUTION + "/*", "dev.lanes.cli.Main"));
    return command;
  }

  static Path example(String name) {
    return REPO.resolve("examples").resolve(name);
  }

  /** Two lanes.conf lines pointing at the built sample project: its class path and its test classes. */
  static String sampleClasspathConf() {
    Path sample = example("sample-project");
    return "classpath = [\"%s\", \"%s\", \"@%s\"]\ntestClassDirs = [\"%s\"]\n".formatted(
        sample.resolve("target/test-classes"), sample.resolve("target/classes"),
        sample.resolve("target/lanes-classpath.txt"), sample.resolve("target/test-classes"));
  }

  static Result run(Path workingDir, String... args) throws IOException, InterruptedException {
    return run(workingDir, List.of(), args);
  }

  /** The {@code lanes} command with these JVM options, e.g. {@code -Djava.io.tmpdir=...}. */
  static Result run(Path workingDir, List<String> jvmOptions, String... args) throws IOException, InterruptedException {
    return run(Duration.ofMinutes(3), workingDir, jvmOptions, args);
  }

  /** The {@code lanes} command, which must end within {@code limit}: the assertion error says so, with its output. */
  static Result run(Duration limit, Path workingDir, List<String> jvmOptions, String... args)
      throws IOException, InterruptedException {
    return run(limit, workingDir, jvmOptions, Map.of(), args);
  }

  /** The variables a CI sets to shard a run: none reaches a command unless the test gives it. */
  private static final List<String> CI_SHARD_VARIABLES = List.of("LANES_SHARD", "JOB_COMPLETION_INDEX",
      "LANES_SHARD_TOTAL", "TEST_SHARD_INDEX", "TEST_TOTAL_SHARDS", "TEST_SHARD_STATUS_FILE", "XML_OUTPUT_FILE",
      "TESTBRIDGE_TEST_ONLY");

  /** The {@code lanes} command with these environment variables besides the test's own. */
  static Result run(Duration limit, Path workingDir, List<String> jvmOptions, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> command = command(jvmOptions);
    command.addAll(List.of(args));
    Path out = Files.createTempFile("lanes-out", ".txt");
    Path err = Files.createTempFile("lanes-err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workingDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.environment().put("CI", "true");
    CI_SHARD_VARIABLES.forEach(builder.environment()::remove);
    builder.environment().putAll(env);
    Process process = builder.start();
    try {
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        throw new AssertionError("lanes " + String.join(" ", args) + " did not finish within " + limit + ":\n"
            + Files.readString(out) + Files.readString(err));
      }
      return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
