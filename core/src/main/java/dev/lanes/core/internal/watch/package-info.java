/** Watch mode's parts: the class folders' changes, and which classes use which, read from their constant pools. */
package dev.lanes.core.internal.watch;
