/** Lanes internals: discovery. Not an API. */
package dev.lanes.core.internal.discovery;
