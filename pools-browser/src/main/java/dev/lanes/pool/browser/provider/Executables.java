package dev.lanes.pool.browser.provider;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the browser and chromedriver are: the configured path, then an environment variable, then Debian's
 * paths, then the {@code PATH}.
 */
public final class Executables {
  /** Environment variables naming the browser and the driver. */
  public static final String BROWSER_ENV = "LANES_CHROMIUM";
  public static final String DRIVER_ENV = "LANES_CHROMEDRIVER";

  private static final List<String> BROWSERS = List.of("/usr/bin/chromium", "/usr/lib/chromium/chromium",
      "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable");
  private static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser", "google-chrome", "chrome");
  private static final List<String> DRIVERS = List.of("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

  private Executables() {
  }

  /** The browser: {@code configured}, then {@code $LANES_CHROMIUM}, then the usual places. */
  public static Optional<Path> browser(Optional<String> configured) {
    return find(configured, BROWSER_ENV, BROWSERS, BROWSER_NAMES);
  }

  /** chromedriver: {@code configured}, then {@code $LANES_CHROMEDRIVER}, then the usual places. */
  public static Optional<Path> driver(Optional<String> configured) {
    return find(configured, DRIVER_ENV, DRIVERS, List.of("chromedriver"));
  }

  /** Where {@link #browser} looked, for the error of a machine without one. */
  public static String browserSearch() {
    return "poolOptions.browser.browserPath, $" + BROWSER_ENV + ", " + String.join(", ", BROWSERS) + ", then "
        + String.join("/", BROWSER_NAMES) + " on the PATH";
  }

  /** Where {@link #driver} looked. */
  public static String driverSearch() {
    return "poolOptions.browser.driverPath, $" + DRIVER_ENV + ", " + String.join(", ", DRIVERS)
        + ", then chromedriver on the PATH";
  }

  private static Optional<Path> find(Optional<String> configured, String env, List<String> paths, List<String> names) {
    if (configured.isPresent()) {
      Path path = Path.of(configured.get());
      return Files.isExecutable(path) ? Optional.of(path) : Optional.empty();
    }
    List<String> candidates = new ArrayList<>();
    String fromEnv = System.getenv(env);
    if (fromEnv != null && !fromEnv.isBlank()) {
      candidates.add(fromEnv);
    }
    candidates.addAll(paths);
    String pathVariable = System.getenv("PATH");
    if (pathVariable != null) {
      for (String dir : pathVariable.split(java.io.File.pathSeparator)) {
        names.forEach(name -> candidates.add(dir + "/" + name));
      }
    }
    return candidates.stream().map(Path::of).filter(Files::isExecutable).filter(p -> !Files.isDirectory(p)).findFirst();
  }
}
