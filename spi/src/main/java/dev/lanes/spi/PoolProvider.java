package dev.lanes.spi;

import com.google.inject.Module;

/**
 * A pool as a plug-in: found with {@link java.util.ServiceLoader} (register it with
 * {@code @AutoService(PoolProvider.class)}), chosen by {@link #name()} or by the path of its jar.
 * The module must bind {@link ProcessPool}; it may ask for typed options with
 * {@link PoolModule#options(Class)} and inject {@link PoolContext}.
 */
public interface PoolProvider {

  /** The name users select the pool by ({@code pool = forks}); also the key of {@code poolOptions.<name>}. */
  String name();

  /** The Guice module that binds this pool's {@link ProcessPool}. */
  Module module();

  /** What this pool's test files are: test classes by default, or source files of its own kind ({@link TestFiles}). */
  default TestFiles testFiles() {
    return TestFiles.classes();
  }
}
