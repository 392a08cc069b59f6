package dev.lanes.pool.threads;

import java.io.IOException;
import java.net.URL;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The parent of every worker's class loader. It shows the worker only what the worker and the host
 * share — the protocol ({@code dev.lanes.spi.protocol}), its codec ({@code dev.lanes.runtime.codec})
 * and the Jackson the codec carries (shaded into {@code dev.lanes.shaded}) — taken from the host's own
 * loader, so both sides use the same classes and one warm codec. Every other name goes to the platform
 * class loader: the user's test class path, JUnit and the rest of the runtime are new in each worker.
 */
final class ProtocolClassLoader extends ClassLoader {
  private static final List<String> SHARED = List.of("dev.lanes.spi.protocol.", "dev.lanes.runtime.codec.",
      "dev.lanes.shaded.");
  /** When the runtime runs unshaded (from class folders during development), the codec's Jackson is shared as it is. */
  private static final String UNSHADED_JACKSON = "com.fasterxml.jackson.";

  static {
    ClassLoader.registerAsParallelCapable();
  }

  private final ClassLoader host;
  private final boolean unshaded;

  ProtocolClassLoader(ClassLoader host, boolean unshaded) {
    super("lanes-protocol", ClassLoader.getPlatformClassLoader());
    this.host = host;
    this.unshaded = unshaded;
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    return isShared(name) ? host.loadClass(name) : getParent().loadClass(name);
  }

  @Override
  public URL getResource(String name) {
    return isShared(name.replace('/', '.')) ? host.getResource(name) : getParent().getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    return isShared(name.replace('/', '.')) ? Collections.enumeration(Collections.list(host.getResources(name)))
        : getParent().getResources(name);
  }

  private boolean isShared(String name) {
    for (String prefix : SHARED) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return unshaded && name.startsWith(UNSHADED_JACKSON);
  }
}
