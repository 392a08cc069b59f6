package dev.lanes.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which classes a run measures: JaCoCo's patterns, as its agent reads them. */
class CoverageTest {
  @Test
  void patternsMatchAsJacocosAgentMatchesThem() {
    Coverage coverage = new Coverage(Path.of("jacoco.exec"), List.of("com.acme.*:org.?x.Y"), List.of("*Test", "*$Mock*"));

    assertThat(coverage.measures("com.acme.Money")).isTrue();
    assertThat(coverage.measures("com.acme.deep.Money")).as("* matches dots too").isTrue();
    assertThat(coverage.measures("org.ax.Y")).isTrue();
    assertThat(coverage.measures("org.abx.Y")).as("? is one character").isFalse();
    assertThat(coverage.measures("com.acme.MoneyTest")).as("excluded").isFalse();
    assertThat(coverage.measures("com.acme.Money$Mock1")).as("$ is no special character").isFalse();
    assertThat(coverage.measures("net.other.Money")).isFalse();
  }
}
