/** Lanes internals: reporters. Not an API. */
package dev.lanes.core.internal.reporters;
