/** Optional helpers for pool authors. */
package dev.lanes.spi.support;
