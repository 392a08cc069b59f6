package dev.lanes.spi.protocol;

/**
 * Everything that travels over a worker's channel: control requests and responses, and the
 * RPC frames that share the same channel (as in Vitest, one channel carries both).
 */
public sealed interface Message permits WorkerRequest, WorkerResponse, RpcCall, RpcReply {
}
