package dev.lanes.core.internal.reporters;

import dev.lanes.core.LanesConfig;
import dev.lanes.spi.Reporter;
import dev.lanes.spi.ReporterOptions;
import dev.lanes.spi.ReporterProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Creates the reporters a run asks for, by name, from every {@link ReporterProvider} on the class path. */
public final class ReporterFactory {
  private ReporterFactory() {
  }

  public static List<Reporter> create(LanesConfig config, ReporterOptions base, List<String> problems) {
    Map<String, ReporterProvider> providers = new TreeMap<>();
    ServiceLoader.load(ReporterProvider.class, ReporterFactory.class.getClassLoader())
        .forEach(provider -> providers.put(provider.name(), provider));
    List<Reporter> reporters = new ArrayList<>();
    for (String name : config.reporters()) {
      ReporterProvider provider = providers.get(name);
      if (provider == null) {
        problems.add("reporter '" + name + "' is not known; known reporters: " + String.join(", ", providers.keySet()) + ".");
        continue;
      }
      reporters.add(provider.create(base.withOutputFile(config.outputFile(name))));
    }
    checkOutputFiles(config, problems);
    return reporters;
  }

  /** The built-in reporters that write files, and where they write when {@code outputFile} names no path. */
  private static final Map<String, String> FILE_WRITERS = Map.of("json", "", "junit", "", "html",
      HtmlReporter.DEFAULT_FILE, "blob", BlobReporter.FOLDER, "surefire", SurefireReporter.DEFAULT_FOLDER,
      "open-test-reporting", OpenTestReportingReporter.DEFAULT_FILE);

  /**
   * Reports are checked before anything runs: two reporters writing one file would overwrite each other, and a path
   * below a file, or in a folder that cannot be written, would lose the report after the whole run.
   */
  static void checkOutputFiles(LanesConfig config, List<String> problems) {
    Map<Path, String> writers = new LinkedHashMap<>();
    for (String name : config.reporters()) {
      if (!FILE_WRITERS.containsKey(name) && !config.outputFiles().containsKey(name)) {
        continue; // a reporter that writes no file (default, dot, …), given a path for all
      }
      Optional<Path> target = config.outputFile(name).or(() -> FILE_WRITERS.getOrDefault(name, "").isEmpty()
          ? Optional.empty() : Optional.of(config.root().resolve(FILE_WRITERS.get(name))));
      if (target.isEmpty()) {
        continue; // json and junit print to the console without a file
      }
      Path path = target.get().toAbsolutePath().normalize();
      String other = writers.putIfAbsent(path, name);
      if (other != null) {
        problems.add("outputFile: the " + other + " and " + name + " reporters would both write " + path + ", one over "
            + "the other; give each its own path (--outputFile " + other + "=PATH --outputFile " + name
            + "=OTHER_PATH, or outputFile { " + other + " = \"…\", " + name + " = \"…\" }).");
      }
      unwritable(path, name.equals("surefire") || name.equals("blob") && config.outputFile(name).isEmpty())
          .ifPresent(why -> problems.add("outputFile: the " + name + " report cannot be written to " + path + ": " + why
              + "; choose a path that can be written."));
    }
  }

  /**
   * Why the report at {@code path} could not be written, if that is so: a folder where the file must be (or a file
   * where a folder must be), a file among its parents, a parent folder without write permission.
   */
  static Optional<String> unwritable(Path path, boolean folder) {
    if (!folder && Files.isDirectory(path)) {
      return Optional.of("it is a folder, not a file");
    }
    if (folder && Files.isRegularFile(path)) {
      return Optional.of("it is a file, not a folder");
    }
    if (Files.exists(path) && !Files.isWritable(path)) {
      return Optional.of("it cannot be written");
    }
    for (Path at = path.getParent(); at != null; at = at.getParent()) {
      if (Files.isRegularFile(at)) {
        return Optional.of(at + " is a file, not a folder");
      }
      if (Files.isDirectory(at)) {
        return Files.isWritable(at) ? Optional.empty() : Optional.of(at + " cannot be written");
      }
    }
    return Optional.empty();
  }
}
