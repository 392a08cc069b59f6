package dev.lanes.migration;

/** A class that only the multi-release folder for Java 11 holds. */
public final class OnlyForJava11 {
  private OnlyForJava11() {
  }

  public static String greeting() {
    return "Hello from " + "Java 11".strip();
  }
}
