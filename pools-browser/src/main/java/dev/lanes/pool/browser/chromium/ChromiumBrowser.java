package dev.lanes.pool.browser.chromium;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lanes.pool.browser.provider.BrowserInstance;
import dev.lanes.pool.browser.provider.BrowserPage;
import dev.lanes.pool.browser.provider.ProcessOutput;
import dev.lanes.pool.browser.provider.Reaper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A Chromium this provider started, driven through DevTools: a target per page, a browser context per isolated one. */
final class ChromiumBrowser implements BrowserInstance {
  private static final Duration CALL = Duration.ofSeconds(10);

  private final Reaper process;
  private final Cdp cdp;
  private final ProcessOutput output;
  private volatile boolean closed;

  ChromiumBrowser(Reaper process, Cdp cdp, ProcessOutput output) {
    this.process = process;
    this.cdp = cdp;
    this.output = output;
  }

  @Override
  public BrowserPage openPage(String url, boolean isolated) throws IOException {
    if (!isAlive()) {
      throw new IOException("Chromium is not running" + output.lastLines());
    }
    String context = isolated
        ? cdp.call("Target.createBrowserContext", Map.of("disposeOnDetach", true), null, CALL)
            .path("browserContextId").asText()
        : null;
    JsonNode target = cdp.call("Target.createTarget",
        context == null ? Map.of("url", url) : Map.of("url", url, "browserContextId", context), null, CALL);
    return new Page(target.path("targetId").asText(), context);
  }

  @Override
  public boolean isAlive() {
    return !closed && process.isAlive() && cdp.isOpen();
  }

  @Override
  public String lastOutput() {
    return output.lastLines();
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      if (cdp.isOpen()) {
        cdp.send("Browser.close", Map.of(), null);
        process.process().waitFor(3, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException ignored) {
      // the browser is gone already
    }
    cdp.close();
    process.end();
  }

  private final class Page implements BrowserPage {
    private final String targetId;
    private final String context;
    private volatile boolean pageClosed;

    Page(String targetId, String context) {
      this.targetId = targetId;
      this.context = context;
    }

    @Override
    public void navigate(String url) throws IOException {
      String session = cdp.call("Target.attachToTarget", Map.of("targetId", targetId, "flatten", true), null, CALL)
          .path("sessionId").asText();
      cdp.send("Page.navigate", Map.of("url", url), session); // not awaited: the page may never load
    }

    @Override
    public void close() {
      if (pageClosed || !isAlive()) {
        return;
      }
      pageClosed = true;
      try {
        cdp.call("Target.closeTarget", Map.of("targetId", targetId), null, CALL);
        if (context != null) {
          cdp.call("Target.disposeBrowserContext", Map.of("browserContextId", context), null, CALL);
        }
      } catch (IOException ignored) {
        // crashed or closed already: nothing left to close
      }
    }
  }
}
