package dev.lanes.core.internal.reporters;

import dev.lanes.core.LanesConfig;
import dev.lanes.spi.Reporter;
import dev.lanes.spi.ReporterOptions;
import dev.lanes.spi.ReporterProvider;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    return reporters;
  }
}
