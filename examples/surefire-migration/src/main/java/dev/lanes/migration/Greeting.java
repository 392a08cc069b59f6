package dev.lanes.migration;

/** What the fixture's library does: greet. */
public final class Greeting {
  private Greeting() {
  }

  public static String of(String name) {
    assert name != null : "a name";
    return "Hello, " + name;
  }
}
