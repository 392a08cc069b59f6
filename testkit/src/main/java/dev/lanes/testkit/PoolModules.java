package dev.lanes.testkit;

import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Provider;
import dev.lanes.spi.PoolContext;
import dev.lanes.spi.PoolLogger;
import dev.lanes.spi.PoolOptions;
import dev.lanes.spi.PoolProvider;

/**
 * A pool's Guice module outside a run, for tests that need one of its parts: a worker factory to run
 * {@link PoolWorkerContract} against, say. The module gets {@code options} as its typed options, as core
 * would give it from {@code poolOptions.<name>}; there is no run, so asking for the {@link PoolContext} fails
 * (run the whole pool with {@link PoolTestKit} for that).
 *
 * <pre>{@code
 * Injector injector = PoolModules.injector(new MyPoolProvider(), new MyOptions(2));
 * WorkerFactory workers = injector.getInstance(Key.get(WorkerFactory.class, MyWorkers.class));
 * }</pre>
 */
public final class PoolModules {
  private PoolModules() {
  }

  public static Injector injector(PoolProvider provider, Object options) {
    PoolOptions typed = new PoolOptions() {
      @Override
      public String poolName() {
        return provider.name();
      }

      @Override
      public <T> T as(Class<T> type) {
        if (!type.isInstance(options)) {
          throw new IllegalArgumentException("the module of '" + provider.name() + "' asks for options of type "
              + type.getName() + ", but PoolModules.injector was given a " + options.getClass().getName());
        }
        return type.cast(options);
      }
    };
    Provider<PoolContext> noRun = () -> {
      throw new UnsupportedOperationException("there is no run outside PoolTestKit: a PoolContext exists only in one");
    };
    Module outsideARun = binder -> {
      binder.bind(PoolOptions.class).toInstance(typed);
      binder.bind(PoolContext.class).toProvider(noRun);
      binder.bind(PoolLogger.class).toInstance(Loggers.STDERR);
    };
    return Guice.createInjector(provider.module(), outsideARun);
  }

  private enum Loggers implements PoolLogger {
    STDERR;

    @Override
    public void info(String message) {
      System.err.println(message);
    }

    @Override
    public void warn(String message) {
      System.err.println(message);
    }

    @Override
    public void error(String message, Throwable cause) {
      System.err.println(message + (cause == null ? "" : ": " + cause));
    }
  }
}
