/** Lanes internals: config. Not an API. */
package dev.lanes.core.internal.config;
