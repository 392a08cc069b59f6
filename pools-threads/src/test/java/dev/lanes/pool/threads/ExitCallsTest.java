package dev.lanes.pool.threads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ExitCallsTest {
  @Test
  void findsTheExitAndHaltNamesInTheConstantPool() throws IOException {
    assertThat(ExitCalls.namesExitOrHalt(bytesOf(CallsExit.class))).isTrue();
    assertThat(ExitCalls.namesExitOrHalt(bytesOf(CallsHalt.class))).isTrue();
  }

  @Test
  void passesClassesThatNameNeither() throws IOException {
    assertThat(ExitCalls.namesExitOrHalt(bytesOf(Quiet.class))).isFalse();
    assertThat(ExitCalls.namesExitOrHalt(bytesOf(String.class))).isFalse();
  }

  @Test
  void readsPastLongAndDoubleConstantsWhichTakeTwoEntries() throws IOException {
    byte[] bytes = bytesOf(ConstantsThenExit.class);
    assertThat(ExitCalls.namesExitOrHalt(bytes)).isTrue();
    assertThat(ExitCalls.rewrite(bytes)).isNotSameAs(bytes); // the call itself was found and rewritten
  }

  @Test
  void leavesAClassFileCutShortAlone() throws IOException {
    byte[] bytes = bytesOf(CallsExit.class);
    byte[] cut = Arrays.copyOf(bytes, 40);
    assertThat(ExitCalls.namesExitOrHalt(cut)).isFalse();
    assertThat(ExitCalls.rewrite(cut)).isSameAs(cut);
  }

  @Test
  void rewritesOnlyClassesThatCallExit() throws IOException {
    byte[] quiet = bytesOf(Quiet.class);
    assertThat(ExitCalls.rewrite(quiet)).isSameAs(quiet);
    byte[] calls = bytesOf(CallsExit.class);
    assertThat(new String(ExitCalls.rewrite(calls), java.nio.charset.StandardCharsets.ISO_8859_1))
        .contains("dev/lanes/runtime/Exits");
  }

  private static byte[] bytesOf(Class<?> type) throws IOException {
    String name = type.getName().substring(type.getName().lastIndexOf('.') + 1) + ".class";
    try (InputStream in = type.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  static final class CallsExit {
    void end() {
      System.exit(3);
    }
  }

  static final class CallsHalt {
    void end() {
      Runtime.getRuntime().halt(3);
    }
  }

  static final class Quiet {
    int add(int a, int b) {
      return a + b;
    }
  }

  static final class ConstantsThenExit {
    long big = 12_345_678_901L;
    double ratio = 0.123_456_789;

    void end() {
      System.exit((int) (big * ratio));
    }
  }
}
