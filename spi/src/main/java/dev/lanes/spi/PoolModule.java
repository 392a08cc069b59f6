package dev.lanes.spi;

import com.google.inject.AbstractModule;
import com.google.inject.Injector;
import com.google.inject.Provider;
import jakarta.inject.Inject;
import java.util.function.BiFunction;

/**
 * Base of a pool's Guice module. {@link #options(Class)} binds a record or class filled from the
 * user's {@code poolOptions.<name>}: core converts the configuration subtree, and an unknown or
 * ill-typed key becomes a configuration error naming the key, where it was written and the valid keys.
 */
public abstract class PoolModule extends AbstractModule {

  /** Binds {@code type}, filled from {@code poolOptions.<this pool's name>}, as a singleton. */
  protected final <T> void options(Class<T> type) {
    bind(type).toProvider(new OptionsProvider<>(type)).in(com.google.inject.Singleton.class);
  }

  /**
   * Binds the pool: {@code factory} makes it from the context and the options of type {@code optionsType}, bound as
   * {@link #options(Class)} binds them. A whole pool's module in one line:
   * {@code pool(MyOptions.class, MyPool::new)}.
   */
  protected final <T> void pool(Class<T> optionsType, BiFunction<PoolContext, T, ProcessPool> factory) {
    options(optionsType);
    bind(ProcessPool.class).toProvider(new PoolProvider<>(optionsType, factory)).in(com.google.inject.Singleton.class);
  }

  /** A module that only binds the pool, as {@link #pool} does: {@code PoolModule.of(MyOptions.class, MyPool::new)}. */
  public static <T> PoolModule of(Class<T> optionsType, BiFunction<PoolContext, T, ProcessPool> factory) {
    return new PoolModule() {
      @Override
      protected void configure() {
        pool(optionsType, factory);
      }
    };
  }

  private static final class PoolProvider<T> implements Provider<ProcessPool> {
    private final Class<T> optionsType;
    private final BiFunction<PoolContext, T, ProcessPool> factory;
    @Inject
    private Injector injector;

    PoolProvider(Class<T> optionsType, BiFunction<PoolContext, T, ProcessPool> factory) {
      this.optionsType = optionsType;
      this.factory = factory;
    }

    @Override
    public ProcessPool get() {
      return factory.apply(injector.getInstance(PoolContext.class), injector.getInstance(optionsType));
    }
  }

  private static final class OptionsProvider<T> implements Provider<T> {
    private final Class<T> type;
    @Inject
    private PoolOptions source;

    OptionsProvider(Class<T> type) {
      this.type = type;
    }

    @Override
    public T get() {
      return source.as(type);
    }
  }
}
