package dev.lanes.core.internal.sequence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lanes.spi.Sequencer.CachedResult;
import dev.lanes.spi.TestModule;
import dev.lanes.spi.protocol.TaskState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the last run recorded of each file, per project: Vitest's results cache, kept in the build folder as
 * {@code target/lanes-cache/<sha1 of the project's name>/results.json}, {@code {"version", "results": [[key,
 * {"duration", "failed"}]]}}, the key {@code "<project>:<module id>"}. A run updates the entries of the files it
 * ran and keeps the others (a filtered run or a shard forgets nothing). An unreadable cache counts as empty.
 */
public final class ResultsCache {
  static final String VERSION = "1";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path folder;
  private final Map<String, Map<String, CachedResult>> byProject = new HashMap<>();

  public ResultsCache(Path root) {
    this.folder = root.resolve("target").resolve("lanes-cache");
  }

  public synchronized Optional<CachedResult> get(String project, String moduleId) {
    return Optional.ofNullable(load(project).get(key(project, moduleId)));
  }

  /** Records the files of a run that ended and writes each project's file. */
  public synchronized void record(List<TestModule> modules) {
    Map<String, Boolean> touched = new LinkedHashMap<>();
    for (TestModule module : modules) {
      if (module.startTime() == 0 || module.state() == TaskState.RUN) {
        continue; // never ran (an interrupted run, a shard elsewhere): the last run's entry stays
      }
      load(module.project()).put(key(module.project(), module.moduleId()),
          new CachedResult(module.durationMillis(), module.state() == TaskState.FAIL));
      touched.put(module.project(), true);
    }
    touched.keySet().forEach(this::write);
  }

  private Map<String, CachedResult> load(String project) {
    return byProject.computeIfAbsent(project, name -> {
      Map<String, CachedResult> results = new LinkedHashMap<>();
      Path file = file(name);
      if (!Files.isRegularFile(file)) {
        return results;
      }
      try {
        JsonNode root = MAPPER.readTree(file.toFile());
        if (!VERSION.equals(root.path("version").asText())) {
          return results;
        }
        for (JsonNode entry : root.path("results")) {
          JsonNode value = entry.path(1);
          results.put(entry.path(0).asText(), new CachedResult(value.path("duration").asLong(),
              value.path("failed").asBoolean()));
        }
      } catch (IOException e) {
        // unreadable: the run goes on as if it were the first
      }
      return results;
    });
  }

  private void write(String project) {
    ObjectNode root = MAPPER.createObjectNode().put("version", VERSION);
    ArrayNode results = root.putArray("results");
    load(project).forEach((key, result) -> results.addArray().add(key).addObject()
        .put("duration", result.durationMillis()).put("failed", result.failed()));
    Path file = file(project);
    try {
      Files.createDirectories(file.getParent());
      Path partial = file.resolveSibling("results.json.partial");
      MAPPER.writeValue(partial.toFile(), root);
      Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the results cache " + file, e);
    }
  }

  private Path file(String project) {
    return folder.resolve(BaseSequencer.sha1(project)).resolve("results.json");
  }

  private static String key(String project, String moduleId) {
    return project + ":" + moduleId;
  }
}
