package dev.lanes.examples.websocket;

import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.lanes.spi.PoolContext;
import dev.lanes.spi.PoolModule;
import dev.lanes.spi.ProcessPool;
import dev.lanes.spi.support.ProcessPools;

/** The agents' server and, over it, Lanes' scheduler: each worker is a lease of one connected agent. */
public class WebSocketPoolModule extends PoolModule {
  @Override
  protected void configure() {
    options(WebSocketOptions.class);
  }

  @Provides
  @Singleton
  AgentServer agents(PoolContext context, WebSocketOptions options) {
    return new AgentServer(options, context.logger());
  }

  @Provides
  @Singleton
  ProcessPool pool(PoolContext context, AgentServer agents) {
    // closing the pool also stops the server, and the agents it started
    return ProcessPools.closingAlso(context.workerPool(worker -> new AgentWorker(worker, agents)), agents::close);
  }
}
