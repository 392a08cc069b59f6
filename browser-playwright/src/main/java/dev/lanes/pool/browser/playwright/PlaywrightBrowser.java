package dev.lanes.pool.browser.playwright;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.WaitUntilState;
import dev.lanes.pool.browser.provider.BrowserInstance;
import dev.lanes.pool.browser.provider.BrowserPage;
import dev.lanes.pool.browser.provider.Reaper;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** A browser Playwright launched; every Playwright call runs on {@code thread}. */
final class PlaywrightBrowser implements BrowserInstance {
  private final Playwright playwright;
  private final Browser browser;
  private final ExecutorService thread;
  private final Reaper guard;
  private BrowserContext shared;
  private volatile boolean closed;

  PlaywrightBrowser(Playwright playwright, Browser browser, ExecutorService thread, Reaper guard) {
    this.playwright = playwright;
    this.browser = browser;
    this.thread = thread;
    this.guard = guard;
  }

  @Override
  public BrowserPage openPage(String url, boolean isolated) throws Exception {
    return call(() -> {
      BrowserContext context = isolated ? browser.newContext() : shared();
      Page page = context.newPage();
      page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT));
      return new PlaywrightPage(page, isolated ? context : null);
    });
  }

  private BrowserContext shared() {
    if (shared == null) {
      shared = browser.newContext();
    }
    return shared;
  }

  @Override
  public boolean isAlive() {
    return !closed && browser.isConnected();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      call(() -> {
        browser.close();
        playwright.close();
        return null;
      });
    } catch (Exception ignored) {
      // gone already: the guard ends what is left
    }
    thread.shutdownNow();
    guard.end();
  }

  private <T> T call(Callable<T> action) throws Exception {
    try {
      return thread.submit(action).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private final class PlaywrightPage implements BrowserPage {
    private final Page page;
    private final BrowserContext context;

    PlaywrightPage(Page page, BrowserContext context) {
      this.page = page;
      this.context = context;
    }

    @Override
    public void navigate(String url) throws Exception {
      call(() -> {
        try {
          page.navigate(url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.COMMIT).setTimeout(2_000));
        } catch (RuntimeException e) {
          // chrome://crash never commits: the page is gone, which the pool sees on its own
        }
        return null;
      });
    }

    @Override
    public void close() {
      if (closed) {
        return;
      }
      try {
        call(() -> {
          page.close();
          if (context != null) {
            context.close();
          }
          return null;
        });
      } catch (Exception ignored) {
        // crashed or closed already
      }
    }
  }
}
