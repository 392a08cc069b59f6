package dev.lanes.pool.browser;

import dev.lanes.pool.browser.provider.BrowserInstance;
import dev.lanes.pool.browser.provider.BrowserPage;
import dev.lanes.pool.browser.provider.BrowserProvider;
import dev.lanes.pool.browser.provider.Executables;
import dev.lanes.pool.browser.provider.LaunchOptions;
import dev.lanes.pool.browser.provider.Reaper;
import dev.lanes.spi.PoolConfigurationException;
import dev.lanes.spi.PoolLogger;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the pages of one pool share: the tester server, and one browser, launched by the chosen provider when the
 * first page is needed and again if it dies; every page of the pool is a page (or a context) of it. Closing ends the
 * browser, its processes and folders, and the server.
 */
final class Browsers {
  private final BrowserOptions options;
  private final BrowserProvider provider;
  private final PoolLogger logger;
  private final TesterServer server = new TesterServer();
  private final ExecutorService executor = Executors.newCachedThreadPool(daemon("lanes-browser"));
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(daemon("lanes-browser-heartbeat"));
  private BrowserInstance browser;
  private BrowserInstance lastBrowser;
  private boolean closed;

  Browsers(BrowserOptions options, PoolLogger logger) {
    this.options = options;
    this.provider = provider(options.provider());
    this.logger = logger;
  }

  /** The provider named {@code name}, or a configuration error naming the known ones. */
  static BrowserProvider provider(String name) {
    List<String> known = new ArrayList<>();
    for (BrowserProvider candidate : ServiceLoader.load(BrowserProvider.class, Browsers.class.getClassLoader())) {
      if (candidate.name().equals(name)) {
        return candidate;
      }
      known.add(candidate.name());
    }
    throw new PoolConfigurationException(List.of("poolOptions.browser.provider = \"" + name + "\": no such browser "
        + "provider; providers on the class path: " + String.join(", ", known) + ". 'playwright' and 'webdriver' "
        + "come with the lanes-browser-playwright and lanes-browser-webdriver modules."));
  }

  BrowserOptions options() {
    return options;
  }

  ExecutorService executor() {
    return executor;
  }

  ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /** The tester server, started on first use. */
  TesterServer server() {
    try {
      server.start();
    } catch (Exception e) {
      throw new IllegalStateException("[browser] the tester server could not start: " + e.getMessage(), e);
    }
    return server;
  }

  /** No page is expected under {@code session} any more; unlike {@link #server()}, never starts the server. */
  void forget(String session) {
    server.forget(session);
  }

  /** Opens {@code url} in a page of the browser, launching it first if it is not running. */
  BrowserPage openPage(String url, boolean isolated) throws Exception {
    return browser().openPage(url, isolated);
  }

  synchronized boolean isBrowserAlive() {
    return browser != null && browser.isAlive();
  }

  /** What the last browser printed last, for the report of one that died. */
  synchronized String lastOutput() {
    return lastBrowser == null ? "" : lastBrowser.lastOutput();
  }

  private synchronized BrowserInstance browser() throws Exception {
    if (closed) {
      throw new IllegalStateException("[browser] the pool is closed");
    }
    if (browser != null && browser.isAlive()) {
      return browser;
    }
    if (browser != null) {
      logger.warn("[browser] the browser ended" + browser.lastOutput() + "\nstarting a new one for the next files");
      browser.close();
    }
    Path executable = Executables.browser(options.browser()).orElseThrow(() -> new IOException(
        options.browser().map(path -> "poolOptions.browser.browserPath = " + path + " is not an executable file")
            .orElse("no Chromium found (looked at " + Executables.browserSearch() + "); install Debian's chromium "
                + "package, or set poolOptions.browser.browserPath")));
    Optional<Path> driver = Executables.driver(options.driver());
    Path folder = launchFolder();
    try {
      browser = provider.launch(new LaunchOptions(executable, driver, options.headless(), options.args(), folder,
          options.sandboxed()));
    } catch (Exception e) {
      Reaper.delete(folder);
      throw e;
    }
    lastBrowser = browser;
    browser.reachableByOtherUsers().ifPresent(what -> logger.warn("[browser] " + what));
    return browser;
  }

  /**
   * A fresh folder for one browser: {@code lanes-browser-<8 hex digits>} in the temporary folder. Chromium puts a
   * Unix socket 49 characters below it, and such a path may not be longer than 107, so where the temporary folder's
   * path is too long for that, the folder goes to {@code /tmp}. Only this user may enter it.
   */
  static Path launchFolder() throws IOException {
    Path base = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();
    String name = "lanes-browser-" + java.util.HexFormat.of().toHexDigits(new java.security.SecureRandom().nextInt());
    if (base.resolve(name).toString().length() > 107 - 49 && Files.isWritable(Path.of("/tmp"))) {
      base = Path.of("/tmp");
    }
    try {
      return Files.createDirectory(base.resolve(name), java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
          java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
    } catch (UnsupportedOperationException e) {
      return Files.createDirectory(base.resolve(name)); // no POSIX permissions here (not Linux: not supported)
    }
  }

  /** Ends the browser and the server. */
  void close() {
    BrowserInstance running;
    synchronized (this) {
      closed = true;
      running = browser;
      browser = null;
    }
    if (running != null) {
      running.close();
    }
    server.stop();
    scheduler.shutdownNow();
    executor.shutdown();
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
