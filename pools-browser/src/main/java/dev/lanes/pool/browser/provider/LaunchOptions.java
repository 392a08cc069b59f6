package dev.lanes.pool.browser.provider;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start the browser.
 *
 * @param browser the browser's executable
 * @param driver a driver's executable where the provider needs one (chromedriver)
 * @param headless whether the browser shows no window
 * @param args flags added to the provider's own
 * @param folder a fresh folder of this browser's own, for its user data and temporary files; deleted at the end
 */
public record LaunchOptions(Path browser, Optional<Path> driver, boolean headless, List<String> args, Path folder) {
  /** The flags every provider passes: no network of its own, no first-run work, no background throttling of pages. */
  public static final List<String> FLAGS = List.of("--no-sandbox", "--disable-gpu", "--disable-quic",
      "--no-first-run", "--no-default-browser-check", "--disable-background-networking", "--disable-component-update",
      "--disable-sync", "--disable-breakpad", "--disable-crash-reporter", "--disable-dev-shm-usage",
      "--disable-background-timer-throttling", "--disable-backgrounding-occluded-windows",
      "--disable-renderer-backgrounding", "--disable-extensions", "--mute-audio", "--password-store=basic",
      "--use-mock-keychain");

  public LaunchOptions {
    Objects.requireNonNull(browser, "browser");
    driver = Optional.ofNullable(driver).flatMap(d -> d);
    args = List.copyOf(args);
    Objects.requireNonNull(folder, "folder");
  }

  /** The user-data folder: inside {@link #folder()}, so it goes with it. */
  public Path userDataDir() {
    return folder.resolve("user-data");
  }

  /** The temporary folder the browser is given as {@code TMPDIR}: where Chromium puts its singleton sockets. */
  public Path tempDir() {
    return folder.resolve("tmp");
  }
}
