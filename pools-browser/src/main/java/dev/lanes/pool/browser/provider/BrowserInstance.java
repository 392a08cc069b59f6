package dev.lanes.pool.browser.provider;

/** A running browser. Thread-safe: the pool opens and closes pages from several threads. */
public interface BrowserInstance extends AutoCloseable {

  /**
   * Opens {@code url} in a new page; with {@code isolated}, in a browser context of its own (fresh storage,
   * cookies and cache), closed with the page.
   */
  BrowserPage openPage(String url, boolean isolated) throws Exception;

  /** Whether the browser is still running. */
  boolean isAlive();

  /** What the browser last printed, for the report of a browser that died: "" or "; its last output: ...". */
  default String lastOutput() {
    return "";
  }

  /**
   * What of this browser another local user could reach, for a warning at its launch: a port its driver listens
   * on, say. Empty for a browser driven over pipes only.
   */
  default java.util.Optional<String> reachableByOtherUsers() {
    return java.util.Optional.empty();
  }

  /** Ends the browser and every process it started, and deletes its folders. Idempotent. */
  @Override
  void close();
}
