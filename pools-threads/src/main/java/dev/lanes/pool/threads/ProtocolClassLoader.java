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

  /**
   * JUnit's launcher (6.x, and 5.x with {@code junit-platform-jfr}) registers flight-recording event classes when
   * it finds this class. JFR keeps every event class it registers for the JVM's life, and with it the worker's class
   * loader: a JVM whose workers come and go (isolate = true, vmMemoryLimit) would grow by a loader each time. So
   * JUnit's own check does not find it in a worker thread; tests that use JFR themselves still do.
   */
  private static final String FLIGHT_RECORDER = "jdk.jfr.FlightRecorder";
  private static final StackWalker STACK = StackWalker.getInstance();

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
    if (name.equals(FLIGHT_RECORDER) && askedByJUnitsFlightRecording()) {
      throw new ClassNotFoundException(name + " is kept from JUnit's flight-recording listeners in a worker thread");
    }
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

  private static boolean askedByJUnitsFlightRecording() {
    return STACK.walk(frames -> frames.limit(40).anyMatch(frame -> frame.getClassName().startsWith("org.junit.platform.")
        && frame.getClassName().contains(".jfr.")));
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
