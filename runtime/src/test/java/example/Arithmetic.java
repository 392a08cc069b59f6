package example;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** User code outside Lanes' packages, so its frames are the ones a trimmed stack keeps. */
public final class Arithmetic {
  private Arithmetic() {
  }

  public static void checkSum(int expected, int a, int b) {
    assertEquals(expected, a + b);
  }
}
