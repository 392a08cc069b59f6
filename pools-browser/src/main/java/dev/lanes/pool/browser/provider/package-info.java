/** What a browser provider implements (a browser, its pages, how it is launched), and the reaper that ends every browser with the run. */
package dev.lanes.pool.browser.provider;
