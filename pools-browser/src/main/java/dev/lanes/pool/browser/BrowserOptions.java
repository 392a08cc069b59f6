package dev.lanes.pool.browser;

import dev.lanes.pool.browser.provider.LaunchOptions;
import java.util.List;
import java.util.Optional;

/**
 * {@code poolOptions.browser}.
 *
 * @param provider what launches the browser and opens pages: {@code chromium} (built in, the default),
 *     {@code playwright} or {@code webdriver} (with their modules on the class path)
 * @param browserPath the browser's executable; unset: {@code $LANES_CHROMIUM}, then Debian's paths, then the PATH
 * @param driverPath chromedriver, for {@code webdriver}; unset: {@code $LANES_CHROMEDRIVER}, then the usual paths
 * @param headless whether the browser shows no window
 * @param args flags added to the browser's command line
 * @param connectTimeout how long a page may take to load the tester and connect, in milliseconds (Vitest's
 *     {@code browser.connectTimeout})
 * @param heartbeatTimeout how long a page may send nothing before it counts as hung (a test blocking its main
 *     thread), in milliseconds; its file fails and a fresh page takes the next
 * @param sandbox whether Chromium keeps its sandbox; unset: yes, unless Lanes runs as root, where Chromium cannot
 *     have it ({@code false} where it cannot work otherwise, as in a container without user namespaces)
 */
public record BrowserOptions(String provider, String browserPath, String driverPath, Boolean headless,
                             List<String> args, Long connectTimeout, Long heartbeatTimeout, Boolean sandbox) {
  public BrowserOptions {
    provider = provider == null || provider.isBlank() ? "chromium" : provider;
    headless = headless == null || headless;
    args = args == null ? List.of() : List.copyOf(args);
    connectTimeout = connectTimeout == null ? 60_000L : connectTimeout;
    heartbeatTimeout = heartbeatTimeout == null ? 15_000L : heartbeatTimeout;
    if (connectTimeout <= 0) {
      throw new IllegalArgumentException("connectTimeout must be positive (milliseconds), was " + connectTimeout);
    }
    if (heartbeatTimeout < 2_000) {
      throw new IllegalArgumentException("heartbeatTimeout must be at least 2000 (milliseconds): pages beat every "
          + "second, was " + heartbeatTimeout);
    }
  }

  public BrowserOptions() {
    this(null, null, null, null, null, null, null, null);
  }

  Optional<String> browser() {
    return Optional.ofNullable(browserPath).filter(p -> !p.isBlank());
  }

  /** {@link #sandbox()}, or where unset, whether the sandbox can work: not under root. */
  boolean sandboxed() {
    return sandbox != null ? sandbox : !LaunchOptions.runningAsRoot();
  }

  Optional<String> driver() {
    return Optional.ofNullable(driverPath).filter(p -> !p.isBlank());
  }
}
