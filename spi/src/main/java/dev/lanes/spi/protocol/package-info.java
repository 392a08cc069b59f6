/**
 * The messages both sides of a worker share: requests, responses, the task tree, results,
 * errors, console logs, the RPC interfaces and {@link dev.lanes.spi.protocol.Rpc}. Imports only the JDK.
 */
package dev.lanes.spi.protocol;
