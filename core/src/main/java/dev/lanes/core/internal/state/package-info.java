/** Lanes internals: state. Not an API. */
package dev.lanes.core.internal.state;
