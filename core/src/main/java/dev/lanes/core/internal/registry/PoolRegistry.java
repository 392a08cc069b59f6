package dev.lanes.core.internal.registry;

import dev.lanes.core.ConfigurationException;
import dev.lanes.core.internal.config.Suggestions;
import dev.lanes.spi.PoolProvider;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipFile;

/**
 * Finds pools: built-in and installed providers with {@link ServiceLoader} by name, and third-party
 * providers from a jar given by path ({@code ./pools.jar} or {@code ./pools.jar#name}). Duplicate
 * names fail loudly; each jar is loaded once, in its own class loader whose parent holds the SPI.
 */
public final class PoolRegistry {
  private final ClassLoader loader;
  private final Map<String, PoolProvider> builtins;
  private final Map<Path, List<PoolProvider>> jars = new ConcurrentHashMap<>();
  private final List<URLClassLoader> jarLoaders = new ArrayList<>();

  public PoolRegistry(ClassLoader loader) {
    this(loader, List.of());
  }

  /** Also knows {@code given} providers by name; they come before the installed ones of the same name. */
  public PoolRegistry(ClassLoader loader, List<PoolProvider> given) {
    this.loader = loader;
    try {
      this.builtins = load(ServiceLoader.load(PoolProvider.class, loader), null);
    } catch (BadProviderException e) {
      throw new ConfigurationException(List.of("a pool provider on the class path could not be loaded: "
          + e.getMessage()));
    }
    given.forEach(provider -> builtins.put(provider.name(), provider));
  }

  /** The result of resolving a {@code pool} value: a provider, or a problem to report. */
  public record Resolution(Optional<PoolProvider> provider, Optional<String> problem) {
    static Resolution of(PoolProvider provider) {
      return new Resolution(Optional.of(provider), Optional.empty());
    }

    static Resolution problem(String problem) {
      return new Resolution(Optional.empty(), Optional.of(problem));
    }
  }

  /** Whether {@code value} names a jar rather than a provider. */
  public static boolean isPath(String value) {
    return value.contains("/") || value.contains("\\") || value.endsWith(".jar") || value.contains(".jar#");
  }

  /** " (did you mean 'threads'?)" for a name one or two edits away from a known pool's. */
  private String suggestion(String value) {
    return Suggestions.didYouMean(value, builtins.keySet());
  }

  /** The names of the built-in and installed pools, and of the pools of the jars loaded so far. */
  public java.util.Set<String> names() {
    java.util.Set<String> names = new java.util.TreeSet<>(builtins.keySet());
    jars.values().forEach(providers -> providers.forEach(provider -> names.add(provider.name())));
    return names;
  }

  /** Resolves a {@code pool} value written at {@code origin} ("lanes.conf:3"); paths are relative to {@code root}. */
  public Resolution resolve(String value, String origin, Path root) {
    if (!isPath(value)) {
      PoolProvider provider = builtins.get(value);
      return provider != null ? Resolution.of(provider) : Resolution.problem(origin + ": pool '" + value
          + "' is not known" + suggestion(value) + "; known pools: " + String.join(", ", builtins.keySet())
          + " (or the path of a pool jar, \"./my-pool.jar\").");
    }
    int hash = value.indexOf('#');
    Path jar = root.resolve(hash < 0 ? value : value.substring(0, hash)).normalize();
    Optional<String> name = hash < 0 ? Optional.empty() : Optional.of(value.substring(hash + 1));
    List<PoolProvider> providers;
    try {
      providers = jars.computeIfAbsent(jar, this::loadJar);
    } catch (BadJarException e) {
      return Resolution.problem(origin + ": pool jar '" + value + "' " + e.getMessage());
    }
    List<String> names = providers.stream().map(PoolProvider::name).toList();
    if (name.isPresent()) {
      return providers.stream().filter(p -> p.name().equals(name.get())).findFirst().map(Resolution::of)
          .orElseGet(() -> Resolution.problem(origin + ": pool jar '" + jar.getFileName() + "' holds no pool named '"
              + name.get() + "'; it holds: " + String.join(", ", names) + "."));
    }
    if (providers.size() > 1) {
      return Resolution.problem(origin + ": pool jar '" + value + "' holds " + providers.size() + " pools ("
          + String.join(", ", names) + "); choose one with \"" + value + "#" + names.get(0) + "\".");
    }
    return Resolution.of(providers.get(0));
  }

  /** Closes the class loaders of pool jars. */
  public void close() {
    for (URLClassLoader jarLoader : jarLoaders) {
      try {
        jarLoader.close();
      } catch (IOException e) {
        // the run is over; nothing more to read from the jar
      }
    }
  }

  private List<PoolProvider> loadJar(Path jar) {
    if (!Files.isRegularFile(jar)) {
      throw new BadJarException("does not exist (looked for " + jar + ")");
    }
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      if (zip.getEntry("META-INF/services/" + PoolProvider.class.getName()) == null) {
        throw new BadJarException("holds no pool: it has no META-INF/services/" + PoolProvider.class.getName()
            + " (register the provider with @AutoService(PoolProvider.class)).");
      }
    } catch (IOException e) {
      throw new BadJarException("is not a readable jar (" + e.getMessage() + ").");
    }
    URLClassLoader jarLoader;
    try {
      jarLoader = new URLClassLoader("lanes-pool:" + jar.getFileName(), new URL[] {jar.toUri().toURL()}, loader);
    } catch (MalformedURLException e) {
      throw new BadJarException("cannot be opened (" + e.getMessage() + ").");
    }
    synchronized (jarLoaders) {
      jarLoaders.add(jarLoader);
    }
    List<PoolProvider> providers;
    try {
      providers = new ArrayList<>(load(ServiceLoader.load(PoolProvider.class, jarLoader), jarLoader).values());
    } catch (BadProviderException e) {
      throw new BadJarException("has a pool provider that could not be loaded: " + e.getMessage());
    }
    if (providers.isEmpty()) {
      throw new BadJarException("lists a PoolProvider that could not be loaded.");
    }
    return providers;
  }

  private static Map<String, PoolProvider> load(ServiceLoader<PoolProvider> serviceLoader, ClassLoader only) {
    Map<String, PoolProvider> providers = new TreeMap<>();
    try {
      for (ServiceLoader.Provider<PoolProvider> candidate : serviceLoader.stream().toList()) {
        if (only != null && candidate.type().getClassLoader() != only) {
          continue;
        }
        PoolProvider provider = candidate.get();
        String name;
        try {
          name = provider.name();
        } catch (RuntimeException | LinkageError e) {
          throw new BadProviderException("the name() of " + candidate.type().getName() + " threw " + e);
        }
        if (name == null || name.isBlank()) {
          throw new BadProviderException(candidate.type().getName() + " has no name (its name() returned "
              + (name == null ? "null" : "\"" + name + "\"") + ")");
        }
        PoolProvider previous = providers.put(name, provider);
        if (previous != null) {
          throw new BadProviderException("two pools are named '" + name + "': "
              + previous.getClass().getName() + " and " + provider.getClass().getName() + "; pool names must be unique.");
        }
      }
    } catch (ServiceConfigurationError e) {
      throw new BadProviderException(reason(e));
    }
    return providers;
  }

  /** The error's message with its cause's: a provider's constructor that threw says what it threw. */
  private static String reason(ServiceConfigurationError e) {
    Throwable cause = e.getCause();
    if (cause instanceof java.lang.reflect.InvocationTargetException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return e.getMessage() + (cause == null || e.getMessage().contains(String.valueOf(cause)) ? "" : ": " + cause);
  }

  private static final class BadProviderException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadProviderException(String message) {
      super(message);
    }
  }

  private static final class BadJarException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadJarException(String message) {
      super(message);
    }
  }
}
