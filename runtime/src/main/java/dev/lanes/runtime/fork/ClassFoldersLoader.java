package dev.lanes.runtime.fork;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Loads the project's class folders in a forked worker, in front of the library jars on the JVM's
 * class path. Folders cannot be on the class path of a JVM that uses a class-data archive, so they
 * live here; looking here first keeps the order a plain class path would have (folders first).
 */
final class ClassFoldersLoader extends URLClassLoader {
  static {
    registerAsParallelCapable();
  }

  ClassFoldersLoader(URL[] folders, ClassLoader parent) {
    super("lanes-class-folders", folders, parent);
  }

  @Override
  protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
    synchronized (getClassLoadingLock(name)) {
      Class<?> loaded = findLoadedClass(name);
      if (loaded == null && !name.startsWith("java.")) {
        try {
          loaded = findClass(name);
        } catch (ClassNotFoundException e) {
          // not in the folders: the class path has it
        }
      }
      if (loaded == null) {
        loaded = getParent().loadClass(name);
      }
      if (resolve) {
        resolveClass(loaded);
      }
      return loaded;
    }
  }

  /**
   * The class of that name from the folders, loading it if need be; {@code null} for a class they do not hold. Never
   * asks the parent (which asks here: {@link dev.lanes.runtime.LibraryLoader}), and takes no lock for a class not
   * here, so two loaders asking each other for a missing class cannot wait on each other.
   */
  Class<?> findOwn(String name) {
    if (name.startsWith("java.") || findResource(name.replace('.', '/') + ".class") == null) {
      return null;
    }
    try {
      Class<?> loaded = loadClass(name, false);
      return loaded.getClassLoader() == this ? loaded : null;
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  @Override
  public URL getResource(String name) {
    URL found = findResource(name);
    return found != null ? found : getParent().getResource(name);
  }

  @Override
  public Enumeration<URL> getResources(String name) throws IOException {
    Set<URL> all = new LinkedHashSet<>(Collections.list(findResources(name)));
    all.addAll(Collections.list(getParent().getResources(name)));
    return Collections.enumeration(all);
  }
}
