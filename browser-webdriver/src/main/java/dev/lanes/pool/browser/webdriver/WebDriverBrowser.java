package dev.lanes.pool.browser.webdriver;

import dev.lanes.pool.browser.provider.BrowserInstance;
import dev.lanes.pool.browser.provider.BrowserPage;
import dev.lanes.pool.browser.provider.Reaper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.bidi.browsingcontext.BrowsingContext;
import org.openqa.selenium.bidi.browsingcontext.CreateContextParameters;
import org.openqa.selenium.bidi.browsingcontext.ReadinessState;
import org.openqa.selenium.bidi.module.Browser;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;

/** A Chromium that chromedriver started; pages are BiDi browsing contexts (tabs), one call at a time. */
final class WebDriverBrowser implements BrowserInstance {
  private final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path folder;
  private final Browser browser;
  private volatile boolean closed;

  WebDriverBrowser(ChromeDriver driver, ChromeDriverService service, Path folder) {
    this.driver = driver;
    this.service = service;
    this.folder = folder;
    this.browser = new Browser(driver);
  }

  @Override
  public synchronized BrowserPage openPage(String url, boolean isolated) {
    String userContext = isolated ? browser.createUserContext() : null;
    CreateContextParameters tab = new CreateContextParameters(WindowType.TAB);
    BrowsingContext context = new BrowsingContext(driver, userContext == null ? tab : tab.userContext(userContext));
    context.navigate(url, ReadinessState.NONE);
    return new WebDriverPage(context, userContext);
  }

  @Override
  public java.util.Optional<String> reachableByOtherUsers() {
    return java.util.Optional.of("provider webdriver: chromedriver listens on " + service.getUrl() + " for this run, "
        + "where every local user can reach it and start browsers as you (WebDriver has no other transport); "
        + "use provider = chromium or playwright, which open no port, on a machine you share.");
  }

  @Override
  public boolean isAlive() {
    return !closed && service.isRunning();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      CompletableFuture.runAsync(driver::quit).get(10, TimeUnit.SECONDS);
    } catch (Exception ignored) {
      // stuck or gone: stopping the service ends chromedriver's whole session, browser included
    }
    service.stop();
    Reaper.delete(folder);
  }

  private final class WebDriverPage implements BrowserPage {
    private final BrowsingContext context;
    private final String userContext;
    private volatile boolean pageClosed;

    WebDriverPage(BrowsingContext context, String userContext) {
      this.context = context;
      this.userContext = userContext;
    }

    @Override
    public void navigate(String url) {
      synchronized (WebDriverBrowser.this) {
        try {
          context.navigate(url, ReadinessState.NONE, Duration.ofSeconds(2));
        } catch (RuntimeException e) {
          // chrome://crash never answers: the pool sees the page go on its own
        }
      }
    }

    @Override
    public void close() {
      if (pageClosed || closed) {
        return;
      }
      pageClosed = true;
      synchronized (WebDriverBrowser.this) {
        try {
          if (userContext != null) {
            browser.removeUserContext(userContext); // closes its tabs too
          } else {
            context.close();
          }
        } catch (RuntimeException ignored) {
          // crashed or closed already
        }
      }
    }
  }
}
