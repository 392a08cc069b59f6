package dev.lanes.pool.browser.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * @param sandbox whether Chromium keeps its sandbox: it cannot under root, so it is off there unless asked for
 */
public record LaunchOptions(Path browser, Optional<Path> driver, boolean headless, List<String> args, Path folder,
                            boolean sandbox) {
  /**
   * The flags every provider passes: no network of its own, no first-run work, no background throttling of pages.
   * {@code --no-sandbox} is not among them: {@link #flags()} adds it only where the sandbox is off.
   */
  public static final List<String> FLAGS = List.of("--disable-gpu", "--disable-quic",
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

  /** With the sandbox on, unless this JVM runs as root (where Chromium refuses to start with it). */
  public LaunchOptions(Path browser, Optional<Path> driver, boolean headless, List<String> args, Path folder) {
    this(browser, driver, headless, args, folder, !runningAsRoot());
  }

  /** {@link #FLAGS}, and {@code --no-sandbox} where the sandbox is off. */
  public List<String> flags() {
    if (sandbox) {
      return FLAGS;
    }
    List<String> flags = new ArrayList<>(FLAGS);
    flags.add("--no-sandbox");
    return flags;
  }

  /** The user-data folder: inside {@link #folder()}, so it goes with it. */
  public Path userDataDir() {
    return folder.resolve("user-data");
  }

  /** The temporary folder the browser is given as {@code TMPDIR}: where Chromium puts its singleton sockets. */
  public Path tempDir() {
    return folder.resolve("tmp");
  }

  /**
   * Whether this JVM runs as root: Chromium will not start with its sandbox there ("Running as root without
   * --no-sandbox is not supported").
   */
  public static boolean runningAsRoot() {
    try {
      return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
    } catch (IOException | UnsupportedOperationException | IllegalArgumentException | SecurityException e) {
      return "root".equals(System.getProperty("user.name"));
    }
  }

  /**
   * For the error of a browser that did not start: what to do when its output says that its sandbox could not
   * work (a container without user namespaces, say), or "".
   */
  public static String sandboxHint(String output) {
    return output.contains("No usable sandbox") || output.contains("without --no-sandbox")
        ? "\nChromium's sandbox cannot work on this machine (it needs user namespaces, or Chromium's setuid "
            + "sandbox helper); set poolOptions.browser.sandbox = false to run it without, on a machine whose "
            + "tests you trust."
        : "";
  }
}
