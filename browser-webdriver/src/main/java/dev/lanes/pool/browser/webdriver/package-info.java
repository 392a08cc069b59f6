/** A browser provider on Selenium WebDriver, for the browser pool. */
package dev.lanes.pool.browser.webdriver;
