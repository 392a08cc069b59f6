package dev.lanes.pool.browser.webdriver;

import com.google.auto.service.AutoService;
import dev.lanes.pool.browser.provider.BrowserInstance;
import dev.lanes.pool.browser.provider.BrowserProvider;
import dev.lanes.pool.browser.provider.Executables;
import dev.lanes.pool.browser.provider.LaunchOptions;
import dev.lanes.pool.browser.provider.Reaper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * {@code provider = webdriver}: Selenium's ChromeDriver, with the machine's chromedriver and Chromium given
 * explicitly (so Selenium Manager never runs), launches the browser; pages are opened as tabs through WebDriver
 * BiDi, each isolated one in a user context of its own. chromedriver runs under the reaper, so it and its Chromium
 * end with this JVM whatever happens. Chromium has no DevTools port (chromedriver speaks to it over
 * {@code --remote-debugging-pipe}), but chromedriver's own WebDriver port on loopback stays open for the run: WebDriver
 * has no other transport, and the pool warns about it at launch.
 */
@AutoService(BrowserProvider.class)
public final class WebDriverProvider implements BrowserProvider {
  /**
   * Selenium warns, on every start, that it has no DevTools bindings for this Chromium's version: true and harmless,
   * since this provider speaks BiDi. Kept in a field: the JDK's loggers are held weakly.
   */
  private static final java.util.logging.Logger SELENIUM_DEVTOOLS =
      java.util.logging.Logger.getLogger("org.openqa.selenium.devtools");

  static {
    SELENIUM_DEVTOOLS.setLevel(java.util.logging.Level.SEVERE);
  }
  @Override
  public String name() {
    return "webdriver";
  }

  @Override
  public BrowserInstance launch(LaunchOptions options) throws Exception {
    Path chromedriver = options.driver().orElseThrow(() -> new IOException("no chromedriver found (looked at "
        + Executables.driverSearch() + "); install Debian's chromium-driver package, or set "
        + "poolOptions.browser.driverPath"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(Reaper.wrapper(options.folder(), chromedriver).toFile())
        .usingAnyFreePort()
        .withEnvironment(Map.of("TMPDIR", options.tempDir().toString()))
        .withLogOutput(OutputStream.nullOutputStream())
        .build();
    ChromeOptions chrome = new ChromeOptions();
    chrome.setBinary(options.browser().toFile());
    List<String> args = new ArrayList<>(options.flags());
    if (options.headless()) {
      args.add("--headless");
    }
    args.add("--user-data-dir=" + options.userDataDir());
    args.add("--remote-debugging-pipe"); // chromedriver drives Chromium over a pipe, not a DevTools port
    args.addAll(options.args());
    chrome.addArguments(args);
    chrome.setCapability("webSocketUrl", true); // WebDriver BiDi: tabs, and user contexts for isolated pages
    try {
      return new WebDriverBrowser(new ChromeDriver(service, chrome), service, options.folder());
    } catch (RuntimeException e) {
      service.stop();
      Reaper.delete(options.folder());
      throw new IOException("chromedriver (" + chromedriver + ") could not start " + options.browser() + ": "
          + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }
}
