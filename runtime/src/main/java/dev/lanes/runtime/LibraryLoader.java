package dev.lanes.runtime;

import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Loads a vmForks worker's library jars (all but the test framework's), once for the worker's life, between the JVM's
 * class path and each file's fresh loader of the project's classes. A library that looks up one of the project's
 * classes by name with its own loader — Java serialization's {@code ObjectInputStream}, a {@code Class.forName(name)}
 * — gets the running file's class, as it would from one class path under Surefire: never a second copy, never an
 * earlier file's.
 *
 * <p>The JVM then remembers this loader as one that loaded that class, and would hand the same, stale class to the
 * next file: so a worker that served one is retired after the file ({@link #release}), and the next file gets a fresh
 * JVM.
 */
public final class LibraryLoader extends URLClassLoader {
  static {
    registerAsParallelCapable();
  }

  private volatile Function<String, Class<?>> running = name -> null;
  private final Set<String> served = new TreeSet<>();

  public LibraryLoader(URL[] jars, ClassLoader parent) {
    super("lanes-libraries", jars, parent);
  }

  /**
   * The running file's own classes: {@code own} gives the class of that name its loader defines (never one it
   * delegates for), or {@code null}.
   */
  public void serve(Function<String, Class<?>> own) {
    running = own;
  }

  /**
   * The file ended: forgets its classes, and returns the names of those a library looked up, which the JVM keeps
   * (the worker must be retired), if any.
   */
  public List<String> release() {
    running = name -> null;
    synchronized (served) {
      List<String> names = new ArrayList<>(served);
      served.clear();
      return names;
    }
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    try {
      return super.findClass(name);
    } catch (ClassNotFoundException e) {
      Class<?> own = running.apply(name);
      if (own == null) {
        throw e;
      }
      synchronized (served) {
        served.add(name);
      }
      return own;
    }
  }
}
