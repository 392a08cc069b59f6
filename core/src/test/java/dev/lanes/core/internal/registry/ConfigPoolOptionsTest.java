package dev.lanes.core.internal.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigFactory;
import dev.lanes.spi.PoolConfigurationException;
import org.junit.jupiter.api.Test;

class ConfigPoolOptionsTest {
  /** Options whose constructor checks one value alone, and one value against another. */
  record Agents(Integer agents, String connectFile) {
    Agents {
      if (agents != null && agents < 0) {
        throw new IllegalArgumentException("agents must be 0 or more");
      }
      if (agents != null && agents == 0 && connectFile == null) {
        throw new IllegalArgumentException("agents = 0 needs connectFile");
      }
    }
  }

  /** Options that nest another pool's, as a pool built on the forks module nests the forks pool's. */
  record Nice(Integer level, Agents forks) {
  }

  private static ConfigPoolOptions options(String conf) {
    return new ConfigPoolOptions("p", ConfigFactory.parseString(conf), origin -> "lanes.conf:" + origin.lineNumber());
  }

  @Test
  void aKeyThatNeedsAnotherIsAcceptedWhenTheOtherIsThere() {
    Agents agents = options("poolOptions.p {\n agents = 0\n connectFile = a.conn\n}").as(Agents.class);

    assertThat(agents).isEqualTo(new Agents(0, "a.conn"));
  }

  @Test
  void aKeyThatNeedsAnotherIsRefusedWithTheConstructorsReasonWhenItIsNot() {
    assertThatThrownBy(() -> options("poolOptions.p {\n agents = 0\n}").as(Agents.class))
        .isInstanceOf(PoolConfigurationException.class)
        .hasMessageContaining("lanes.conf:2: poolOptions.p.agents = 0: agents = 0 needs connectFile");
  }

  @Test
  void everyProblemIsReportedTogether() {
    assertThatThrownBy(() -> options("poolOptions.p {\n agents = -1\n conectFile = a.conn\n}").as(Agents.class))
        .isInstanceOf(PoolConfigurationException.class)
        .hasMessageContaining("lanes.conf:3: poolOptions.p has no key 'conectFile'; valid keys: agents, connectFile.")
        .hasMessageContaining("lanes.conf:2: poolOptions.p.agents = -1: agents must be 0 or more");
  }

  @Test
  void aKeyOfANestedObjectIsNamedAtItsDepthWithTheValidKeysThere() {
    assertThatThrownBy(() -> options("poolOptions.p {\n level = 5\n forks {\n  agentz = 2\n }\n}").as(Nice.class))
        .isInstanceOf(PoolConfigurationException.class)
        .hasMessage("lanes.conf:4: poolOptions.p.forks has no key 'agentz'; valid keys: agents, connectFile.");
  }

  @Test
  void aWellFormedNestedObjectIsRead() {
    assertThat(options("poolOptions.p {\n forks { agents = 2 }\n}").as(Nice.class))
        .isEqualTo(new Nice(null, new Agents(2, null)));
  }
}
