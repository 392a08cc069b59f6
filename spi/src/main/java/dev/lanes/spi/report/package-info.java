/** Reporting for whole pools: a file's tests declared, started and ended through handles that keep the order. */
package dev.lanes.spi.report;
