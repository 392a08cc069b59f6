package dev.lanes.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class SurefireTestFilterTest {
  @Test
  void classesBecomeGlobsOverClassFiles() {
    SurefireTestFilter filter = SurefireTestFilter.parse("MoneyTest, shop.CartTest,shop/**/*IT, !Slow*");

    assertThat(filter.includeGlobs()).containsExactly("**/MoneyTest.class", "shop/CartTest.class", "shop/**/*IT.class");
    assertThat(filter.excludeGlobs()).containsExactly("**/Slow*.class", "**/*$*.class");
  }

  @Test
  void methodsBecomeAnAnchoredPatternPerClass() {
    SurefireTestFilter filter = SurefireTestFilter.parse("MoneyTest#adds+*Evenly,Money*#formats,SlugsTest");

    String money = filter.methodPattern("shop.MoneyTest").orElseThrow();
    assertThat(Pattern.compile(money).matcher("adds").find()).isTrue();
    assertThat(Pattern.compile(money).matcher("splitsEvenly").find()).isTrue();
    assertThat(Pattern.compile(money).matcher("formats").find()).isTrue();
    assertThat(Pattern.compile(money).matcher("addsUp").find()).isFalse();
    assertThat(Pattern.compile(money).matcher("adds()").find()).as("a display name is not a method name").isFalse();
    assertThat(filter.methodPattern("shop.MoneyBagTest")).contains("^(?:formats)$");
    assertThat(SurefireTestFilter.globRegex("**/a$b*.class")).isEqualTo("(?:.*/)?a\\$b[^/]*\\.class");
    assertThat(filter.methodPattern("SlugsTest")).as("a class without # runs all its tests").isEmpty();
  }

  @Test
  void aClassNamedWithAndWithoutMethodsRunsAll() {
    assertThat(SurefireTestFilter.parse("MoneyTest#adds,MoneyTest").methodPattern("a.MoneyTest")).isEmpty();
  }

  @Test
  void onlyExclusionsKeepTheUsualIncludes() {
    SurefireTestFilter filter = SurefireTestFilter.parse("!SlowTest");

    assertThat(filter.includeGlobs()).isEmpty();
    assertThat(filter.methodPattern("a.MoneyTest")).isEmpty();
    assertThat(filter.excludeGlobs()).contains("**/SlowTest.class");
  }

  @Test
  void whatLanesCannotDoIsRefusedWithTheReason() {
    assertThatThrownBy(() -> SurefireTestFilter.parse("%regex[.*Test]")).hasMessageContaining("%regex");
    assertThatThrownBy(() -> SurefireTestFilter.parse("!MoneyTest#adds")).hasMessageContaining("whole classes");
  }

  @Test
  void argLineSplitsOnSpacesAndKeepsQuotedFlagsTogether() {
    assertThat(SurefireSettings.jvmFlags(" -Xss2m  '-Dflag=on with spaces' -Da=\"b c\" ")).containsExactly("-Xss2m",
        "-Dflag=on with spaces", "-Da=b c");
  }
}
