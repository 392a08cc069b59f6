/** The {@code threads} pool: each worker is a thread in this JVM with its own class loader over the test class path. */
package dev.lanes.pool.threads;
