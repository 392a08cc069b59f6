/** The browser pool: each test file a JavaScript module run in a page of a real headless browser. */
package dev.lanes.pool.browser;
