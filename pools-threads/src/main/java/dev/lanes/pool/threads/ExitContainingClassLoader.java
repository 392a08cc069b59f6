package dev.lanes.pool.threads;

import dev.lanes.spi.Coverage;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLConnection;
import java.security.CodeSigner;
import java.security.CodeSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Manifest;

/**
 * A worker's loader over the test class path that defines every class with its exit calls rewritten
 * ({@link ExitCalls}), so no test can end the JVM the other workers share. Classes keep their code
 * source (their jar or folder) and packages keep their manifest attributes, as with a plain
 * {@link URLClassLoader}.
 */
public class ExitContainingClassLoader extends URLClassLoader {
  static {
    registerAsParallelCapable();
  }

  private static final Manifest NO_MANIFEST = new Manifest();

  private final Map<URL, Manifest> manifests = new ConcurrentHashMap<>();
  private final Optional<Coverage> coverage;

  public ExitContainingClassLoader(String name, URL[] urls, ClassLoader parent) {
    this(name, urls, parent, Optional.empty());
  }

  /**
   * A loader that also instruments the classes of its class folders for {@code coverage} (the project's own: classes
   * from jars are libraries), with JaCoCo ({@link InProcessCoverage}).
   */
  public ExitContainingClassLoader(String name, URL[] urls, ClassLoader parent, Optional<Coverage> coverage) {
    super(name, urls, parent);
    this.coverage = coverage;
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    String path = name.replace('.', '/').concat(".class");
    URL resource = findResource(path);
    if (resource == null) {
      throw new ClassNotFoundException(name);
    }
    byte[] bytes;
    URL base;
    Manifest manifest = null;
    try {
      URLConnection connection = resource.openConnection();
      if (connection instanceof JarURLConnection jar) {
        base = jar.getJarFileURL();
        manifest = manifests.computeIfAbsent(base, url -> manifestOf(jar));
      } else {
        String text = resource.toString();
        base = new URL(text.substring(0, text.length() - path.length()));
      }
      try (InputStream in = connection.getInputStream()) {
        bytes = in.readAllBytes();
      }
    } catch (IOException e) {
      throw new ClassNotFoundException(name + ": " + e.getMessage(), e);
    }
    definePackageOf(name, manifest, base);
    boolean fromFolder = manifest == null; // a jar's classes have a manifest here, if only NO_MANIFEST
    if (coverage.isPresent() && fromFolder) { // JaCoCo ids a class by its original bytes: instrument those
      bytes = InProcessCoverage.instrument(bytes, name, coverage.get());
    }
    byte[] contained = ExitCalls.rewrite(bytes);
    return defineClass(name, contained, 0, contained.length, new CodeSource(base, (CodeSigner[]) null));
  }

  private void definePackageOf(String className, Manifest manifest, URL base) {
    int dot = className.lastIndexOf('.');
    if (dot < 0) {
      return;
    }
    String packageName = className.substring(0, dot);
    if (getDefinedPackage(packageName) != null) {
      return;
    }
    try {
      if (manifest != null && manifest != NO_MANIFEST) {
        definePackage(packageName, manifest, base);
      } else {
        definePackage(packageName, null, null, null, null, null, null, null);
      }
    } catch (IllegalArgumentException e) {
      // defined meanwhile by another thread
    }
  }

  private static Manifest manifestOf(JarURLConnection jar) {
    try {
      Manifest manifest = jar.getManifest();
      return manifest == null ? NO_MANIFEST : manifest;
    } catch (IOException e) {
      return NO_MANIFEST;
    }
  }
}
