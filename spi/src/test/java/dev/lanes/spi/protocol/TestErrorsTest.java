package dev.lanes.spi.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestErrorsTest {
  private static final String PRINTED = """
      org.opentest4j.AssertionFailedError: expected: <3> but was: <4>
      \tat org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
      \tat org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:531)
      \tat com.acme.CalculatorTest.adds(CalculatorTest.java:12)
      \tat java.base/jdk.internal.reflect.DirectMethodHandleAccessor.invoke(DirectMethodHandleAccessor.java:103)
      \tat org.junit.platform.commons.util.ReflectionUtils.invokeMethod(ReflectionUtils.java:767)
      \t... 40 more
      \tSuppressed: java.lang.IllegalStateException: closing
      \t\tat com.acme.Resource.close(Resource.java:3)
      Caused by: java.io.IOException: disk
      full
      \tat com.acme.Disk.write(Disk.java:9)
      \t... 3 more
      """;

  @Test
  void printedStackTracesKeepTheUsersFramesAndTheirCauses() {
    TestError error = TestErrors.parse(PRINTED).orElseThrow();
    assertThat(error.headline()).isEqualTo("org.opentest4j.AssertionFailedError: expected: <3> but was: <4>");
    assertThat(error.stack()).contains("\tat com.acme.CalculatorTest.adds(CalculatorTest.java:12)\n");
    TestError cause = error.cause().orElseThrow();
    assertThat(cause.name()).isEqualTo("java.io.IOException");
    assertThat(cause.message()).isEqualTo("disk\nfull");
    assertThat(cause.stack()).contains("\tat com.acme.Disk.write(Disk.java:9)\n");
    assertThat(cause.cause()).isEmpty();
  }

  @Test
  void aLineWithoutAnExceptionsNameIsTheMessageOfAnError() {
    assertThat(TestErrors.parse("java.lang.IllegalStateException")).get()
        .satisfies(e -> assertThat(e.headline()).isEqualTo("java.lang.IllegalStateException"));
    assertThat(TestErrors.parse("the script exited: code 3").map(TestError::headline))
        .contains("Error: the script exited: code 3");
    assertThat(TestErrors.parse("  \n")).isEmpty();
  }

  @Test
  void aThrowableIsTrimmedToTheUsersFramesWithExpectedAndActualWhereTheErrorHasThem() {
    TestError error = TestErrors.trimmed(new IllegalArgumentException("bad", new RuntimeException("root")));
    assertThat(error.stack().orElseThrow()).startsWith("\tat dev.lanes.spi.protocol.TestErrorsTest.")
        .doesNotContain("org.junit.platform");
    assertThat(error.cause().map(TestError::headline)).isEqualTo(Optional.of("java.lang.RuntimeException: root"));
    assertThat(error.expected()).isEmpty();
  }
}
