package dev.lanes.maven;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The settings a build gave Surefire, read as Surefire reads them: a parameter of {@code maven-surefire-plugin}'s
 * {@code <configuration>} (the plugin's, with its {@code default-test} execution's over it), else the user property
 * Surefire's parameter reads ({@code -Dgroups=fast}, {@code <argLine>} in the POM's properties). The same name in
 * lanes-maven-plugin's own {@code <configuration>} comes first. Each value says where it was written.
 */
final class SurefireParameters {
  /** Where Surefire is: what lanes:test replaces. */
  static final String SUREFIRE = "org.apache.maven.plugins:maven-surefire-plugin";
  /** The property each parameter reads when its configuration leaves it out (Surefire 3's names). */
  static final Map<String, String> PROPERTIES = Map.ofEntries(
      Map.entry("argLine", "argLine"),
      Map.entry("test", "test"),
      Map.entry("groups", "groups"),
      Map.entry("excludedGroups", "excludedGroups"),
      Map.entry("skipAfterFailureCount", "surefire.skipAfterFailureCount"),
      Map.entry("rerunFailingTestsCount", "surefire.rerunFailingTestsCount"),
      Map.entry("forkCount", "forkCount"),
      Map.entry("reuseForks", "reuseForks"),
      Map.entry("failIfNoTests", "failIfNoTests"),
      Map.entry("failIfNoSpecifiedTests", "surefire.failIfNoSpecifiedTests"),
      Map.entry("trimStackTrace", "trimStackTrace"),
      Map.entry("redirectTestOutputToFile", "maven.test.redirectTestOutputToFile"),
      Map.entry("forkedProcessTimeoutInSeconds", "surefire.timeout"),
      Map.entry("useModulePath", "surefire.useModulePath"),
      Map.entry("additionalClasspathElements", "maven.test.additionalClasspath"),
      Map.entry("classpathDependencyExcludes", "maven.test.dependency.excludes"),
      Map.entry("enableAssertions", "enableAssertions"),
      Map.entry("testFailureIgnore", "maven.test.failure.ignore"));

  /** A parameter's value and where it was written. */
  record Value<T>(T value, String origin) {
  }

  /** One plugin's configuration and how errors name it ("maven-surefire-plugin in pom.xml"). */
  record Source(Xpp3Dom configuration, String plugin) {
  }

  private final List<Source> sources;
  private final Properties properties;

  private SurefireParameters(List<Source> sources, Properties properties) {
    this.sources = sources;
    this.properties = properties;
  }

  /**
   * Lanes' own configuration ({@code lanes}, its execution {@code executionId}), then Surefire's ({@code surefire},
   * its {@code default-test} execution), either null where the build does not declare the plugin, in the module whose
   * POM is {@code pom}; {@code properties} are the user's ({@code -D}) over the POM's.
   */
  static SurefireParameters of(Plugin lanes, String executionId, Plugin surefire, String pom, Properties properties) {
    List<Source> sources = new ArrayList<>();
    Xpp3Dom own = configuration(lanes, executionId);
    if (own != null) {
      sources.add(new Source(own, "lanes-maven-plugin in " + pom));
    }
    Xpp3Dom replaced = configuration(surefire, "default-test");
    if (replaced != null) {
      sources.add(new Source(replaced, "maven-surefire-plugin in " + pom));
    }
    return new SurefireParameters(sources, properties);
  }

  /** A plugin's configuration with that of one of its executions over it; null when it has none. */
  private static Xpp3Dom configuration(Plugin plugin, String executionId) {
    if (plugin == null) {
      return null;
    }
    Xpp3Dom configuration = plugin.getConfiguration() == null ? null : new Xpp3Dom((Xpp3Dom) plugin.getConfiguration());
    PluginExecution execution = executionId == null ? null : plugin.getExecutionsAsMap().get(executionId);
    if (execution != null && execution.getConfiguration() != null) {
      Xpp3Dom own = new Xpp3Dom((Xpp3Dom) execution.getConfiguration());
      configuration = configuration == null ? own : Xpp3Dom.mergeXpp3Dom(own, configuration);
    }
    return configuration;
  }

  /** The names Surefire's configuration sets: what the caller checks against the parameters it honours. */
  Set<String> configuredForSurefire() {
    Set<String> names = new TreeSet<>();
    for (Source source : sources) {
      if (source.plugin().startsWith("maven-surefire-plugin")) {
        for (Xpp3Dom child : source.configuration().getChildren()) {
          names.add(child.getName());
        }
      }
    }
    return names;
  }

  /** A text parameter: the plugins' configuration, else Surefire's property. */
  Optional<Value<String>> text(String name) {
    for (Source source : sources) {
      Xpp3Dom node = source.configuration().getChild(name);
      if (node != null && node.getValue() != null && !node.getValue().isBlank()) {
        return Optional.of(new Value<>(node.getValue().trim(), where(name, source)));
      }
    }
    String property = PROPERTIES.get(name);
    if (property != null && properties.getProperty(property) != null) {
      return Optional.of(new Value<>(properties.getProperty(property).trim(), "the property " + property));
    }
    return Optional.empty();
  }

  /**
   * A list parameter ({@code <includes><include>…</include></includes>}); as a property, its value is
   * comma-separated, as Surefire splits it.
   */
  Optional<Value<List<String>>> list(String name) {
    for (Source source : sources) {
      Xpp3Dom node = source.configuration().getChild(name);
      if (node != null && node.getChildCount() > 0) {
        List<String> items = new ArrayList<>();
        for (Xpp3Dom item : node.getChildren()) {
          if (item.getValue() != null && !item.getValue().isBlank()) {
            items.addAll(split(item.getValue()));
          }
        }
        return Optional.of(new Value<>(items, where(name, source)));
      }
    }
    return text(name).map(v -> new Value<>(split(v.value()), v.origin()));
  }

  /** A map parameter ({@code <systemPropertyVariables><key>value</key></systemPropertyVariables>}). */
  Optional<Value<Map<String, String>>> map(String name) {
    for (Source source : sources) {
      Xpp3Dom node = source.configuration().getChild(name);
      if (node == null || node.getChildCount() == 0) {
        continue;
      }
      Map<String, String> entries = new LinkedHashMap<>();
      for (Xpp3Dom entry : node.getChildren()) {
        // Surefire's deprecated <systemProperties> also takes <property><name>…</name><value>…</value></property>
        if (entry.getName().equals("property") && entry.getChild("name") != null) {
          Xpp3Dom value = entry.getChild("value");
          entries.put(entry.getChild("name").getValue(), value == null || value.getValue() == null ? ""
              : value.getValue());
        } else {
          entries.put(entry.getName(), entry.getValue() == null ? "" : entry.getValue());
        }
      }
      return Optional.of(new Value<>(entries, where(name, source)));
    }
    return Optional.empty();
  }

  private static String where(String name, Source source) {
    return "<" + name + "> of " + source.plugin();
  }

  /** Surefire's comma-separated lists: {@code -Dgroups=a,b}, {@code -Dmaven.test.additionalClasspath=x,y}. */
  static List<String> split(String text) {
    List<String> items = new ArrayList<>();
    for (String item : text.split(",")) {
      if (!item.isBlank()) {
        items.add(item.trim());
      }
    }
    return items;
  }
}
