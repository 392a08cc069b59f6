package dev.lanes.globalstate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.OutputStream;
import java.io.PrintStream;
import java.security.Permission;
import java.util.Locale;
import java.util.TimeZone;
import org.junit.jupiter.api.Assumptions;

/** What the fixture's classes change, and the check that none of it is left when a class starts. */
final class Poison {
  /** A locale and zone nobody starts a JVM with. */
  private static final Locale ODD_LOCALE = new Locale("tlh", "QO");
  private static final String ODD_ZONE = "Pacific/Chatham";

  private Poison() {
  }

  static void assertUntouched() {
    assertFalse(ODD_LOCALE.equals(Locale.getDefault()), "the default Locale left by another class");
    assertFalse(ODD_ZONE.equals(TimeZone.getDefault().getID()), "the default TimeZone left by another class");
    assertNull(System.getProperty("fixture.poisoned"), "a system property left by another class");
    assertFalse("0".equals(System.getProperty("java.specification.version")), "a JVM property changed by another class");
    assertFalse(System.out instanceof Marked, "System.out left by another class");
    assertFalse(System.err instanceof Marked, "System.err left by another class");
    assertNull(System.getSecurityManager(), "a SecurityManager left by another class");
  }

  static void locale() {
    Locale.setDefault(ODD_LOCALE);
    TimeZone.setDefault(TimeZone.getTimeZone(ODD_ZONE));
  }

  static void properties() {
    System.setProperty("fixture.poisoned", "yes");
    System.setProperty("java.specification.version", "0");
  }

  static void streams() {
    System.setOut(new Marked());
    System.setErr(new Marked());
  }

  @SuppressWarnings({"removal", "deprecation"})
  static void securityManager() {
    install(new SecurityManager() {
      @Override
      public void checkPermission(Permission permission) {
        // allows everything, its own removal included
      }
    });
  }

  @SuppressWarnings({"removal", "deprecation"})
  static void stubbornSecurityManager() {
    install(new SecurityManager() {
      @Override
      public void checkPermission(Permission permission) {
        if (permission instanceof RuntimePermission && permission.getName().equals("setSecurityManager")) {
          throw new SecurityException("this SecurityManager stays");
        }
      }
    });
  }

  /** Installs {@code manager}, or skips the test on a JDK that lets no test install one (JDK 18 and later). */
  @SuppressWarnings({"removal", "deprecation"})
  private static void install(SecurityManager manager) {
    try {
      System.setSecurityManager(manager);
    } catch (UnsupportedOperationException e) {
      Assumptions.abort("this JDK lets no test install a SecurityManager: " + e.getMessage());
    }
  }

  /** A stream that drops what is written to it, recognisable by its type. */
  private static final class Marked extends PrintStream {
    Marked() {
      super(OutputStream.nullOutputStream());
    }
  }
}
