package dev.lanes.pool.threads;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of every worker's class loader: it defines, once per JVM, only what all workers share —
 * the protocol ({@code dev.lanes.spi.protocol}), the codec ({@code dev.lanes.runtime.codec}) and the
 * Jackson the codec carries (shaded into {@code dev.lanes.shaded}) — and hands every other name to
 * the platform class loader. A fresh worker therefore starts with a warm codec while the user's
 * test class path, JUnit and the rest of the runtime are still new in its own loader.
 */
final class ProtocolClassLoader extends URLClassLoader {
  private static final List<String> SHARED = List.of("dev.lanes.spi.protocol.", "dev.lanes.runtime.codec.",
      "dev.lanes.shaded.");
  /** When the runtime runs unshaded (from class folders during development), its Jackson is shared as it is. */
  private static final String UNSHADED_JACKSON = "com.fasterxml.jackson.";

  private final boolean unshaded;

  ProtocolClassLoader(List<Path> runtimeClasspath, boolean unshaded) {
    super("lanes-protocol", WorkerClassLoaders.urls(runtimeClasspath), ClassLoader.getPlatformClassLoader());
    this.unshaded = unshaded;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    if (!isShared(name)) {
      return getParent().loadClass(name);
    }
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null) {
        loaded = findClass(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  @Override
  public URL getResource(String name) {
    return isShared(name.replace('/', '.')) ? findResource(name) : getParent().getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    return isShared(name.replace('/', '.')) ? findResources(name) : getParent().getResources(name);
  }

  private boolean isShared(String name) {
    for (String prefix : SHARED) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return unshaded && name.startsWith(UNSHADED_JACKSON);
  }

  static {
    ClassLoader.registerAsParallelCapable();
  }

}
