package dev.lanes.pool.browser.playwright;

import com.google.auto.service.AutoService;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.impl.driver.jar.DriverJar;
import dev.lanes.pool.browser.provider.BrowserInstance;
import dev.lanes.pool.browser.provider.BrowserProvider;
import dev.lanes.pool.browser.provider.LaunchOptions;
import dev.lanes.pool.browser.provider.Reaper;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * {@code provider = playwright}: Playwright for Java launches the machine's Chromium ({@code executablePath}) and
 * opens the pages; the tests still talk to the pool over its own WebSocket. Playwright never downloads a browser
 * here, and its driver is unpacked once into {@code ~/.cache/lanes/} rather than on every start (2 s saved).
 * Playwright's objects are not thread-safe, so every call runs on one thread of this browser's own. Playwright speaks
 * to Chromium over {@code --remote-debugging-pipe}, and to its driver over standard input and output: no port.
 */
@AutoService(BrowserProvider.class)
public final class PlaywrightProvider implements BrowserProvider {
  private static final String DRIVER_VERSION = "1.62.0";

  @Override
  public String name() {
    return "playwright";
  }

  @Override
  public BrowserInstance launch(LaunchOptions options) throws Exception {
    // a guard whose only work is to delete the folder and end what runs from it, should this JVM die
    Reaper guard = Reaper.start(List.of("sleep", "2147483647"), options.folder(), Map.of());
    ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
      Thread created = new Thread(runnable, "lanes-playwright");
      created.setDaemon(true);
      return created;
    });
    try {
      if (System.getProperty("playwright.cli.dir") == null) {
        // Playwright reads its driver's place from this property only; without it, it unpacks one per JVM
        System.setProperty("playwright.cli.dir", driver().toString());
      }
      Map<String, String> env = Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1",
          "TMPDIR", options.tempDir().toString()); // where Playwright puts the browser's profile: in the folder
      return thread.submit(() -> {
        Playwright playwright = Playwright.create(new Playwright.CreateOptions().setEnv(env));
        try {
          List<String> args = new ArrayList<>(LaunchOptions.FLAGS);
          args.addAll(options.args());
          Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
              .setExecutablePath(options.browser()).setHeadless(options.headless()).setArgs(args)
              .setChromiumSandbox(options.sandbox()) // Playwright adds --no-sandbox itself where false
              .setEnv(Map.of("TMPDIR", options.tempDir().toString())));
          return new PlaywrightBrowser(playwright, browser, thread, guard);
        } catch (RuntimeException e) {
          playwright.close();
          throw e;
        }
      }).get();
    } catch (Exception e) {
      thread.shutdownNow();
      guard.end();
      Throwable cause = e instanceof java.util.concurrent.ExecutionException ? e.getCause() : e;
      throw new IOException("Playwright could not launch " + options.browser() + ": " + cause.getMessage(), cause);
    }
  }

  /** Playwright's driver (Node and playwright-core), unpacked once per version into the user's cache. */
  static synchronized Path driver() throws Exception {
    Path cache = Path.of(System.getProperty("user.home"), ".cache", "lanes");
    Path driver = cache.resolve("playwright-driver-" + DRIVER_VERSION);
    if (Files.isDirectory(driver.resolve("package"))) {
      return driver;
    }
    Files.createDirectories(cache);
    Path partial = Files.createTempDirectory(cache, "playwright-driver-");
    try {
      DriverJar.installDriverTo(partial);
      Files.move(partial, driver, StandardCopyOption.ATOMIC_MOVE); // another run may have done the same meanwhile
    } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException | java.nio.file.DirectoryNotEmptyException e) {
      Reaper.delete(partial);
    }
    return driver;
  }
}
