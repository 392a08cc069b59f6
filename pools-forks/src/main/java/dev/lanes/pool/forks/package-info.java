/**
 * The {@code forks} pool: each worker is a child JVM running the Lanes runtime, spoken to over a
 * private channel (a Unix-domain socket in a private folder), never over its stdout.
 */
package dev.lanes.pool.forks;
