package dev.lanes.core.internal.reporters;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.lanes.core.internal.state.RunSnapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** Reads the blobs of {@code --merge-reports}: every file of the folder must be a blob of this Lanes version. */
public final class Blobs {
  static final ObjectMapper MAPPER = OutcomeJson.register(JsonMapper.builder().addModule(new Jdk8Module())
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build());

  private Blobs() {
  }

  /**
   * The blobs in {@code folder}, by file name. Problems are added (a file that is no blob, a blob another version of
   * Lanes wrote, an empty folder) and nothing is returned when there is any.
   */
  public static List<RunSnapshot> read(Path folder, String version, List<String> problems) {
    if (!Files.isDirectory(folder)) {
      problems.add("--merge-reports: " + folder + " is not a folder of blob reports; write them with"
          + " --reporter blob (they go to " + BlobReporter.FOLDER + ").");
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> listing = Files.list(folder)) {
      files = listing.filter(file -> !file.getFileName().toString().endsWith(".partial")).sorted().toList();
    } catch (IOException e) {
      problems.add("--merge-reports: cannot read " + folder + ": " + e.getMessage());
      return List.of();
    }
    List<RunSnapshot> blobs = new ArrayList<>();
    int before = problems.size();
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        problems.add("--merge-reports: " + file.getFileName() + " in " + folder + " is not a file; the folder must"
            + " hold blob reports only.");
        continue;
      }
      try {
        JsonNode tree = MAPPER.readTree(file.toFile());
        String written = tree == null ? "" : tree.path("lanes").asText("");
        if (written.isEmpty()) {
          problems.add("--merge-reports: " + file.getFileName() + " is not a Lanes blob report (it names no Lanes"
              + " version).");
        } else if (!written.equals(version)) {
          problems.add("--merge-reports: " + file.getFileName() + " was written by Lanes " + written + ", this is Lanes "
              + version + "; merge blobs with the version that wrote them.");
        } else {
          blobs.add(MAPPER.treeToValue(tree, RunSnapshot.class));
        }
      } catch (IOException e) {
        problems.add("--merge-reports: " + file.getFileName() + " is not a blob report: " + e.getMessage());
      }
    }
    if (files.isEmpty()) {
      problems.add("--merge-reports: " + folder + " holds no blob reports; write them with --reporter blob.");
    }
    return problems.size() > before ? List.of() : blobs;
  }

  /**
   * The shards of one run must all be there: {@code --shard i/N} blobs are checked for every index from 1 to N and one
   * N, so that a shard that failed to upload its blob is named rather than its files silently missing.
   */
  public static void checkShards(Path folder, List<RunSnapshot> blobs, List<String> problems) {
    SortedSet<Integer> totals = new TreeSet<>();
    SortedSet<Integer> indices = new TreeSet<>();
    for (RunSnapshot blob : blobs) {
      blob.shard().filter(shard -> shard.matches("\\d{1,9}/\\d{1,9}")).map(shard -> shard.split("/")).ifPresent(parts -> {
        indices.add(Integer.parseInt(parts[0].trim()));
        totals.add(Integer.parseInt(parts[1].trim()));
      });
    }
    if (totals.size() > 1) {
      problems.add("--merge-reports: the blobs in " + folder + " come from runs split " + totals.stream()
          .map(String::valueOf).collect(Collectors.joining(", ", "", "")) + " ways; merge the shards of one run.");
    } else if (totals.size() == 1) {
      int total = totals.first();
      List<String> missing = IntStream.rangeClosed(1, total).filter(index -> !indices.contains(index))
          .mapToObj(index -> index + "/" + total).toList();
      if (!missing.isEmpty()) {
        problems.add("--merge-reports: " + (missing.size() == 1 ? "shard " : "shards ") + String.join(", ", missing)
            + (missing.size() == 1 ? " is" : " are") + " missing from " + folder + " (" + missing.stream()
            .map(shard -> "blob-" + shard.replace('/', '-') + ".json").collect(Collectors.joining(", "))
            + "); every shard's blob must be there, or its files would be missing from the reports without a word.");
      }
      if (blobs.stream().anyMatch(blob -> blob.shard().isEmpty())) {
        problems.add("--merge-reports: " + folder + " holds the blob of a run without --shard beside the blobs of "
            + total + " shards; merge the shards of one run.");
      }
    }
  }
}
