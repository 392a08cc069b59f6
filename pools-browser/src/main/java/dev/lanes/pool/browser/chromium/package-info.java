/** The default browser provider: Chromium driven over the DevTools protocol, with no library beside the JDK. */
package dev.lanes.pool.browser.chromium;
