/** The JSON codec of the protocol; shared by every worker of a JVM, so it holds no per-worker state. */
package dev.lanes.runtime.codec;
