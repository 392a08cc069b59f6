package dev.lanes.core.internal.registry;

import com.google.inject.AbstractModule;
import com.google.inject.ConfigurationException;
import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.spi.Message;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigOrigin;
import dev.lanes.core.internal.state.TestRun;
import dev.lanes.spi.PoolConfigurationException;
import dev.lanes.spi.PoolContext;
import dev.lanes.spi.PoolLogger;
import dev.lanes.spi.PoolOptions;
import dev.lanes.spi.PoolProvider;
import dev.lanes.spi.ProcessPool;
import dev.lanes.spi.TestProject;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Creates each pool of a run once, in a Guice child injector of its own: the provider's module,
 * plus {@link PoolContext} and {@link PoolOptions}. Problems in a pool's options are configuration
 * problems; any other failure to create a pool is reported as that pool's failure. Guice's bytecode
 * generation is off, so method interception (AOP) is not available to pool modules.
 */
public final class PoolInstances {
  static {
    // Pools are wired, not intercepted: without bytecode generation Guice needs no sun.misc.Unsafe,
    // which JDK 24+ warns about on every run. A user's own setting wins.
    if (System.getProperty("guice_bytecode_gen_option") == null) {
      System.setProperty("guice_bytecode_gen_option", "DISABLED");
    }
  }

  private final Injector parent = Guice.createInjector();

  /** Creates the pool, or throws {@link PoolConfigurationException} with every problem of its options. */
  public ProcessPool create(String selectedBy, PoolProvider provider, List<TestProject> projects, TestRun run,
                            Config raw, Function<ConfigOrigin, String> where, PoolLogger logger) {
    PoolContext context = new CorePoolContext(selectedBy, provider.name(), projects, run, logger);
    PoolOptions options = new ConfigPoolOptions(provider.name(), raw, where);
    try {
      Injector injector = parent.createChildInjector(provider.module(), new AbstractModule() {
        @Override
        protected void configure() {
          bind(PoolContext.class).toInstance(context);
          bind(PoolOptions.class).toInstance(options);
          bind(PoolLogger.class).toInstance(logger);
        }
      });
      return injector.getInstance(ProcessPool.class);
    } catch (CreationException e) {
      throw unwrap(provider, e.getErrorMessages(), e);
    } catch (ProvisionException e) {
      throw unwrap(provider, e.getErrorMessages(), e);
    } catch (ConfigurationException e) {
      throw unwrap(provider, e.getErrorMessages(), e);
    }
  }

  private static RuntimeException unwrap(PoolProvider provider, java.util.Collection<Message> messages,
                                         RuntimeException original) {
    List<String> problems = new ArrayList<>();
    for (Message message : messages) {
      Throwable cause = message.getCause();
      while (cause != null && !(cause instanceof PoolConfigurationException)) {
        cause = cause.getCause();
      }
      if (cause instanceof PoolConfigurationException config) {
        problems.addAll(config.problems());
      }
    }
    if (!problems.isEmpty()) {
      return new PoolConfigurationException(problems);
    }
    return new IllegalStateException("[" + provider.name() + "] the pool could not be created: "
        + original.getMessage(), original);
  }
}
