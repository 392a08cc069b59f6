/** A browser provider on Playwright for Java, for the browser pool. */
package dev.lanes.pool.browser.playwright;
