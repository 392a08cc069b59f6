package dev.lanes.spi.protocol;

/**
 * The methods the host may call on a worker through RPC. Empty today: cancelling is the
 * {@link WorkerRequest.Cancel} control request. Kept as the remote type of the host's {@link Rpc}
 * so methods can be added without changing how either side is wired.
 */
public interface RunnerRpc {
}
