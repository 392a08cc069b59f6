package dev.lanes.spi.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdsTest {
  /** Vitest's generateHash: h = (h << 5) - h + c, truncated to 32 bits, as a decimal string. */
  private static String vitestHash(String text) {
    int hash = 0;
    for (int i = 0; i < text.length(); i++) {
      hash = (hash << 5) - hash + text.charAt(i);
    }
    return String.valueOf(hash);
  }

  @Test
  void fileIdsAreVitestsHashOfPathAndProject() {
    assertThat(Ids.fileId("com.acme.FooTest", "unit")).isEqualTo(vitestHash("com.acme.FooTestunit"));
    assertThat(Ids.fileId("com.acme.FooTest", null)).isEqualTo(vitestHash("com.acme.FooTest"));
  }

  @Test
  void childIdsAppendTheIndex() {
    assertThat(Ids.childId(Ids.childId("-1234", 0), 2)).isEqualTo("-1234_0_2");
  }
}
