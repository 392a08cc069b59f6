package dev.lanes.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.ProvisionException;
import dev.lanes.spi.PoolContext;
import dev.lanes.spi.PoolModule;
import dev.lanes.spi.PoolProvider;
import org.junit.jupiter.api.Test;

class PoolModulesTest {
  record Greeting(String word) {
  }

  static final class GreetingPool implements PoolProvider {
    @Override
    public String name() {
      return "greeting";
    }

    @Override
    public Module module() {
      return new PoolModule() {
        @Override
        protected void configure() {
          options(Greeting.class);
        }

        @Provides
        String greeting(Greeting options) {
          return options.word() + ", world";
        }
      };
    }
  }

  @Test
  void theModuleGetsTheGivenOptionsAsItsTypedOptions() {
    assertThat(PoolModules.injector(new GreetingPool(), new Greeting("hello")).getInstance(String.class))
        .isEqualTo("hello, world");
  }

  @Test
  void optionsOfAnotherTypeAndThePoolContextAreRefusedWithAReason() {
    assertThatThrownBy(() -> PoolModules.injector(new GreetingPool(), 42).getInstance(String.class))
        .isInstanceOf(ProvisionException.class).hasMessageContaining("asks for options of type")
        .hasMessageContaining("was given a Integer");
    assertThatThrownBy(() -> PoolModules.injector(new GreetingPool(), new Greeting("hi")).getInstance(PoolContext.class))
        .isInstanceOf(ProvisionException.class).hasMessageContaining("there is no run outside PoolTestKit");
  }
}
