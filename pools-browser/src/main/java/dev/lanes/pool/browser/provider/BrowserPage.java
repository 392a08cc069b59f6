package dev.lanes.pool.browser.provider;

/** One page opened by a provider. */
public interface BrowserPage extends AutoCloseable {

  /**
   * Navigates the page to {@code url} (a test's {@code commands.navigate}); completes when the navigation was
   * sent, not loaded, since the page may never load (it is {@code chrome://crash}, say).
   */
  void navigate(String url) throws Exception;

  /** Closes the page (and its context, if it has one of its own). Idempotent, never throws. */
  @Override
  void close();
}
