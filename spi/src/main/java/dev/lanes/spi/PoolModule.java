package dev.lanes.spi;

import com.google.inject.AbstractModule;
import com.google.inject.Provider;
import jakarta.inject.Inject;

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
