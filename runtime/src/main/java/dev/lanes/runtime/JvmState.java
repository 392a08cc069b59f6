package dev.lanes.runtime;

import java.io.InputStream;
import java.io.PrintStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.ResponseCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.TimeZone;
import java.util.TreeSet;

/**
 * What the whole JVM shares that a test may change and not put back: the default locale and time zone, the system
 * properties, {@code System.out}/{@code err}/{@code in}, the default proxy selector, authenticator, cookie handler and
 * response cache, the default uncaught-exception handler, and a security manager. A worker that runs file after file in
 * one JVM (vmForks, forks with {@code isolate = false}) takes a snapshot before its first file and, after each file,
 * puts back what the file changed, so the next file starts from the JVM's defaults as it would in a JVM of its own;
 * what cannot be put back (a security manager that refuses to go) retires the worker. Surefire's shared JVM leaves such
 * changes to whatever runs next.
 */
final class JvmState {
  private final Locale locale = Locale.getDefault();
  private final Locale displayLocale = Locale.getDefault(Locale.Category.DISPLAY);
  private final Locale formatLocale = Locale.getDefault(Locale.Category.FORMAT);
  private final TimeZone timeZone = TimeZone.getDefault();
  private final Properties properties = copy(System.getProperties());
  private final PrintStream out = System.out;
  private final PrintStream err = System.err;
  private final InputStream in = System.in;
  private final ProxySelector proxySelector = ProxySelector.getDefault();
  private final Authenticator authenticator = Authenticator.getDefault();
  private final CookieHandler cookieHandler = CookieHandler.getDefault();
  private final ResponseCache responseCache = ResponseCache.getDefault();
  private final Thread.UncaughtExceptionHandler uncaughtHandler = Thread.getDefaultUncaughtExceptionHandler();

  /** What a file changed: what was put back, and what could not be (the worker must go). */
  record Changes(List<String> restored, List<String> kept) {
    boolean isEmpty() {
      return restored.isEmpty() && kept.isEmpty();
    }
  }

  /** The JVM's state now, to compare files with. */
  static JvmState snapshot() {
    return new JvmState();
  }

  /** Puts back what differs from the snapshot; says what it was. */
  @SuppressWarnings({"deprecation", "removal"})
  Changes restore() {
    List<String> restored = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    if (!locale.equals(Locale.getDefault()) || !displayLocale.equals(Locale.getDefault(Locale.Category.DISPLAY))
        || !formatLocale.equals(Locale.getDefault(Locale.Category.FORMAT))) {
      restored.add("the default Locale (" + locale + " → " + Locale.getDefault() + ")");
      Locale.setDefault(locale);
      Locale.setDefault(Locale.Category.DISPLAY, displayLocale);
      Locale.setDefault(Locale.Category.FORMAT, formatLocale);
    }
    if (!timeZone.equals(TimeZone.getDefault())) {
      restored.add("the default TimeZone (" + timeZone.getID() + " → " + TimeZone.getDefault().getID() + ")");
      TimeZone.setDefault(timeZone);
    }
    properties(restored);
    if (System.out != out) {
      restored.add("System.out");
      System.setOut(out);
    }
    if (System.err != err) {
      restored.add("System.err");
      System.setErr(err);
    }
    if (System.in != in) {
      restored.add("System.in");
      System.setIn(in);
    }
    if (ProxySelector.getDefault() != proxySelector) {
      restored.add("the default ProxySelector");
      ProxySelector.setDefault(proxySelector);
    }
    if (Authenticator.getDefault() != authenticator) {
      restored.add("the default Authenticator");
      Authenticator.setDefault(authenticator);
    }
    if (CookieHandler.getDefault() != cookieHandler) {
      restored.add("the default CookieHandler");
      CookieHandler.setDefault(cookieHandler);
    }
    if (ResponseCache.getDefault() != responseCache) {
      restored.add("the default ResponseCache");
      ResponseCache.setDefault(responseCache);
    }
    if (Thread.getDefaultUncaughtExceptionHandler() != uncaughtHandler) {
      restored.add("the default UncaughtExceptionHandler");
      Thread.setDefaultUncaughtExceptionHandler(uncaughtHandler);
    }
    SecurityManager manager = System.getSecurityManager();
    if (manager != null) {
      try {
        System.setSecurityManager(null);
        restored.add("a SecurityManager (" + manager.getClass().getName() + ")");
      } catch (SecurityException | UnsupportedOperationException e) {
        kept.add("a SecurityManager that refuses to be removed (" + manager.getClass().getName() + ")");
      }
    }
    return new Changes(List.copyOf(restored), List.copyOf(kept));
  }

  /** System properties set, changed or removed, put back; the {@link Properties} object itself too, if replaced. */
  private void properties(List<String> restored) {
    Properties now = System.getProperties();
    TreeSet<String> changed = new TreeSet<>();
    for (String key : properties.stringPropertyNames()) {
      if (!Objects.equals(properties.getProperty(key), now.getProperty(key))) {
        changed.add(key);
      }
    }
    for (String key : now.stringPropertyNames()) {
      if (!properties.containsKey(key)) {
        changed.add(key);
      }
    }
    if (changed.isEmpty()) {
      return;
    }
    List<String> shown = new ArrayList<>();
    for (String key : changed) {
      if (shown.size() < 5) {
        shown.add(key + " (" + describe(properties.getProperty(key)) + " → " + describe(now.getProperty(key)) + ")");
      }
      if (properties.containsKey(key)) {
        now.setProperty(key, properties.getProperty(key));
      } else {
        now.remove(key);
      }
    }
    restored.add((changed.size() == 1 ? "the system property " : changed.size() + " system properties: ")
        + String.join(", ", shown) + (changed.size() > shown.size() ? ", …" : ""));
  }

  private static String describe(String value) {
    return value == null ? "unset" : value.length() > 40 ? "'" + value.substring(0, 37) + "...'" : "'" + value + "'";
  }

  private static Properties copy(Properties properties) {
    Properties copy = new Properties();
    for (String key : properties.stringPropertyNames()) {
      copy.setProperty(key, properties.getProperty(key));
    }
    return copy;
  }
}
