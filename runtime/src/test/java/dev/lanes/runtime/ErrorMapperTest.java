package dev.lanes.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.spi.protocol.TestError;
import example.Arithmetic;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

class ErrorMapperTest {
  @Test
  void keepsExpectedActualAndTheTestsOwnFrames() {
    AssertionFailedError failure = null;
    try {
      Arithmetic.checkSum(3, 2, 2);
    } catch (AssertionFailedError e) {
      failure = e;
    }

    TestError error = ErrorMapper.map(failure);

    assertThat(error.name()).isEqualTo("org.opentest4j.AssertionFailedError");
    assertThat(error.expected()).contains("3");
    assertThat(error.actual()).contains("4");
    assertThat(error.stack()).get().asString()
        .startsWith("\tat example.Arithmetic.checkSum(Arithmetic.java:11)\n")
        .doesNotContain("org.junit.jupiter.api.Assert")
        .doesNotContain("jdk.internal.reflect")
        .doesNotContain("dev.lanes.runtime");
  }

  @Test
  void plainExceptionsHaveNoExpectedOrActualButKeepTheirCause() {
    TestError error = ErrorMapper.map(new IllegalStateException("outer", new IllegalArgumentException("inner")));

    assertThat(error.expected()).isEmpty();
    assertThat(error.actual()).isEmpty();
    assertThat(error.cause()).get().extracting(TestError::message).isEqualTo("inner");
  }

  @Test
  void aRecursionIsPrintedOnceWithItsCount() {
    StackOverflowError overflow = null;
    try {
      recurse(0);
    } catch (StackOverflowError e) {
      overflow = e;
    }

    String stack = ErrorMapper.map(overflow).stack().orElseThrow();

    assertThat(stack).startsWith("\tat dev.lanes.runtime.ErrorMapperTest.recurse(ErrorMapperTest.java:")
        .containsPattern("\t\\.\\.\\. the frame above \\d+ more times\n");
    assertThat(stack.lines()).hasSizeLessThan(5);
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }
}
