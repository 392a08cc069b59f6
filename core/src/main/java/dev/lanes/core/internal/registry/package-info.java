/** Lanes internals: registry. Not an API. */
package dev.lanes.core.internal.registry;
