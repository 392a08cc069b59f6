package dev.lanes.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The check of {@code tags} agrees with the JUnit Platform's grammar on what is an expression. */
class TagExpressionsTest {
  @ParameterizedTest
  @ValueSource(strings = {"fast", "!slow", "fast & !slow", "(a | b) & !c", "!(a & b)", "any()", "none()",
      "none() | integration", "a|b&c", "  spaced  &  out  ", "a.b-c_d"})
  void expressionsThePlatformTakesPass(String expression) {
    assertThat(TagExpressions.check(expression)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {
      "fast &; nothing follows '&'",
      "& fast; unexpected '&'",
      "(fast; a '(' is not closed",
      "fast); unexpected ')'",
      "fast slow; unexpected 'slow'",
      "a, b; unexpected ','",
      "any(; any( must be any()",
      "!; nothing follows '!'"})
  void otherTextIsNamedWithWhatIsWrong(String expression, String problem) {
    assertThat(TagExpressions.check(expression)).hasValueSatisfying(message ->
        assertThat(message).contains("'" + expression + "' is not a tag expression: " + problem));
  }
}
