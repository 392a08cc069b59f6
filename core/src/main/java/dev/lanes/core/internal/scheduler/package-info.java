/** Lanes internals: scheduler. Not an API. */
package dev.lanes.core.internal.scheduler;
