package dev.lanes.pool.browser.provider;

/**
 * What launches the browser and opens pages, and nothing else: every test message goes over the pool's own
 * WebSocket, never through the provider (Vitest's design). Found with {@link java.util.ServiceLoader} and chosen
 * by {@code poolOptions.browser.provider}; {@code chromium} is built in, {@code playwright} and {@code webdriver}
 * come with their optional modules.
 */
public interface BrowserProvider {

  /** The name {@code poolOptions.browser.provider} selects it by. */
  String name();

  /**
   * Starts a browser. Every process it starts must end, and every folder it makes be deleted, when the browser is
   * closed, and also when this JVM ends without closing it (killed, say); {@link Reaper} does both.
   */
  BrowserInstance launch(LaunchOptions options) throws Exception;
}
