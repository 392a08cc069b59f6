package dev.lanes.core.internal.sequence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lanes.spi.TestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * How long each test file took in a recorded run, read from a file all the machines of a sharded run share
 * ({@code --shard-timings}): Lanes' results cache ({@code target/lanes-cache/…/results.json}), a blob report, a JUnit
 * XML report (Lanes' {@code junit}, Surefire's {@code TEST-*.xml}, any CI's), or a folder of them. A file is known by
 * its project and module id, or by its module id alone where the report names no project (JUnit XML).
 */
public final class ShardTimings {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Map<String, Long> byKey;
  private final Map<String, Long> byModule;

  private ShardTimings(Map<String, Long> byKey, Map<String, Long> byModule) {
    this.byKey = Map.copyOf(byKey);
    this.byModule = Map.copyOf(byModule);
  }

  /** No recorded times: shards are hash slices. */
  public static ShardTimings none() {
    return new ShardTimings(Map.of(), Map.of());
  }

  /**
   * The times recorded in {@code path} (a file or a folder of them). A file that is none of the known reports, or
   * that cannot be read, is a problem; a path that does not exist gives no times and a warning, so that the first run
   * of a CI, before any timings were kept, still runs (every machine sees the same: hash slices).
   */
  public static ShardTimings read(Path path, List<String> problems, List<String> warnings) {
    Map<String, Long> byKey = new HashMap<>();
    Map<String, Long> byModule = new HashMap<>();
    if (!Files.exists(path)) {
      warnings.add("--shard-timings: " + path + " does not exist; the shards are hash slices this run. Keep the"
          + " timings of a run (its results cache, blobs or JUnit XML) where every shard finds them.");
      return none();
    }
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> listing = Files.walk(path, 3)) {
        listing.filter(Files::isRegularFile).filter(file -> {
          String name = file.getFileName().toString();
          return name.endsWith(".json") || name.endsWith(".xml");
        }).sorted().forEach(files::add);
      } catch (IOException e) {
        problems.add("--shard-timings: cannot read the folder " + path + ": " + e.getMessage());
        return none();
      }
    } else {
      files.add(path);
    }
    for (Path file : files) {
      try {
        if (file.getFileName().toString().endsWith(".xml")) {
          readJunit(file, byModule);
        } else {
          readJson(file, byKey, byModule);
        }
      } catch (IOException | XMLStreamException | RuntimeException e) {
        problems.add("--shard-timings: " + file + " is not a results cache, blob or JUnit XML report that can be read: "
            + e.getMessage());
      }
    }
    return new ShardTimings(byKey, byModule);
  }

  /** The recorded time of {@code file}, if any run recorded it. */
  public OptionalLong of(TestSpecification file) {
    Long millis = byKey.get(key(file.project().name(), file.moduleId()));
    if (millis == null) {
      millis = byModule.get(file.moduleId());
    }
    return millis == null ? OptionalLong.empty() : OptionalLong.of(millis);
  }

  public boolean isEmpty() {
    return byKey.isEmpty() && byModule.isEmpty();
  }

  private static String key(String project, String moduleId) {
    return project + ":" + moduleId;
  }

  private static void readJson(Path file, Map<String, Long> byKey, Map<String, Long> byModule) throws IOException {
    JsonNode root = MAPPER.readTree(file.toFile());
    if (root != null && root.has("results") && root.has("version")) { // the results cache
      for (JsonNode entry : root.path("results")) {
        String key = entry.path(0).asText();
        long millis = entry.path(1).path("duration").asLong();
        byKey.put(key, millis);
        byModule.putIfAbsent(key.substring(key.indexOf(':') + 1), millis);
      }
    } else if (root != null && root.has("lanes") && root.has("files")) { // a blob
      for (JsonNode entry : root.path("files")) {
        String moduleId = entry.path("moduleId").asText();
        long millis = entry.path("durationMillis").asLong();
        byKey.put(key(entry.path("project").asText(), moduleId), millis);
        byModule.putIfAbsent(moduleId, millis);
      }
    } else {
      throw new IOException("it holds neither \"results\" (a results cache) nor \"files\" (a blob)");
    }
  }

  /** Each {@code <testsuite name="…" time="seconds">}: a test class and how long it took. */
  private static void readJunit(Path file, Map<String, Long> byModule) throws IOException, XMLStreamException {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    boolean suites = false;
    try (InputStream in = Files.newInputStream(file)) {
      XMLStreamReader xml = factory.createXMLStreamReader(in);
      while (xml.hasNext()) {
        if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("testsuite")) {
          suites = true;
          String name = xml.getAttributeValue(null, "name");
          String time = xml.getAttributeValue(null, "time");
          if (name != null && time != null && !time.isBlank()) {
            byModule.putIfAbsent(name, Math.round(Double.parseDouble(time.replace(",", "")) * 1000));
          }
        }
      }
    }
    if (!suites) {
      throw new IOException("it holds no <testsuite>");
    }
  }
}
