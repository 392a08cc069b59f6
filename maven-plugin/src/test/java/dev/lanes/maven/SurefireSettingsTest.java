package dev.lanes.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lanes.core.ConfigOverride;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;
import org.junit.jupiter.api.Test;

/** Surefire's configuration as Lanes configuration, from the XML a POM holds. */
class SurefireSettingsTest {
  @Test
  void surefiresConfigurationBecomesTheLayerUnderLanesConf() throws Exception {
    Plugin surefire = plugin("""
        <configuration>
          <argLine>-Xmx64m @{jacoco} '-Dwith=a space'</argLine>
          <systemPropertyVariables><db.url>jdbc:h2:mem:</db.url></systemPropertyVariables>
          <environmentVariables><LANG>C</LANG></environmentVariables>
          <groups>fast,integration</groups>
          <excludedGroups>flaky</excludedGroups>
          <includes><include>**/*Test.java</include><include>%regex[.*Spec.*]</include></includes>
          <rerunFailingTestsCount>2</rerunFailingTestsCount>
          <forkCount>2C</forkCount>
          <reuseForks>false</reuseForks>
        </configuration>""");

    SurefireSettings settings = new SurefireSettings(SurefireParameters.of(null, null, surefire, "pom.xml",
        new Properties()), line -> line.replace("@{jacoco}", "-javaagent:jacoco.jar"));

    Map<String, Object> layer = settings.layer().stream().collect(Collectors.toMap(ConfigOverride::key,
        ConfigOverride::value, (a, b) -> b));
    assertThat(layer.get("jvmArgs")).isEqualTo(List.of("-ea", "-Xmx64m", "-javaagent:jacoco.jar", "-Dwith=a space"));
    assertThat(layer.get("systemProperties")).isEqualTo(Map.of("db.url", "jdbc:h2:mem:"));
    assertThat(layer.get("env")).isEqualTo(Map.of("LANG", "C"));
    assertThat(layer.get("tags")).isEqualTo(List.of("(fast) & !((flaky))", "(integration) & !((flaky))"));
    assertThat(layer.get("include")).isEqualTo(List.of("**/*Test.class", "regex:.*Spec.*"));
    assertThat(layer.get("retry")).isEqualTo(2);
    assertThat(layer.get("maxWorkers")).isEqualTo(2 * Runtime.getRuntime().availableProcessors());
    assertThat(layer.get("pool")).isEqualTo("forks");
    assertThat(layer.get("isolate")).isEqualTo(true);
    assertThat(settings.warnings()).isEmpty();
    assertThat(settings.settingsOrigin("jvmArgs")).isEqualTo("<argLine> of maven-surefire-plugin in pom.xml");
  }

  @Test
  void lanesOwnConfigurationComesFirstThenSurefiresThenTheProperty() throws Exception {
    Plugin lanes = plugin("<configuration><groups>mine</groups></configuration>");
    Plugin surefire = plugin("<configuration><groups>theirs</groups><excludedGroups>slow</excludedGroups>"
        + "</configuration>");
    Properties properties = new Properties();
    properties.setProperty("groups", "typed");
    properties.setProperty("excludedGroups", "typed-too");
    properties.setProperty("surefire.rerunFailingTestsCount", "3");

    SurefireParameters parameters = SurefireParameters.of(lanes, "default", surefire, "pom.xml", properties);

    assertThat(parameters.text("groups").orElseThrow().value()).isEqualTo("mine");
    assertThat(parameters.text("excludedGroups").orElseThrow().value()).isEqualTo("slow");
    assertThat(parameters.text("rerunFailingTestsCount").orElseThrow().origin())
        .isEqualTo("the property surefire.rerunFailingTestsCount");
  }

  @Test
  void theDefaultTestExecutionsConfigurationIsSurefiresToo() throws Exception {
    Plugin surefire = plugin("<configuration><argLine>-Dplugin=level</argLine></configuration>");
    PluginExecution test = new PluginExecution();
    test.setId("default-test");
    test.setConfiguration(Xpp3DomBuilder.build(new StringReader(
        "<configuration><skip>true</skip><excludedGroups>slow</excludedGroups></configuration>")));
    surefire.addExecution(test);

    SurefireSettings settings = new SurefireSettings(SurefireParameters.of(null, null, surefire, "pom.xml",
        new Properties()), line -> line);

    assertThat(settings.parameters().text("excludedGroups").orElseThrow().value()).isEqualTo("slow");
    assertThat(settings.parameters().text("argLine").orElseThrow().value()).isEqualTo("-Dplugin=level");
    assertThat(settings.warnings()).as("skip is how Surefire is turned off: nothing to warn about").isEmpty();
  }

  @Test
  void whatLanesCannotHonourIsNamedOnce() throws Exception {
    Plugin surefire = plugin("<configuration><parallel>methods</parallel><threadCount>4</threadCount>"
        + "<printSummary>false</printSummary><argLine>${argLine} -Xmx25M</argLine></configuration>");

    SurefireSettings settings = new SurefireSettings(SurefireParameters.of(null, null, surefire, "pom.xml",
        new Properties()), line -> line);

    assertThat(settings.warnings()).containsExactly(
        "<argLine> of maven-surefire-plugin in pom.xml holds ${argLine}, a property no one set; it is left out.",
        "maven-surefire-plugin's <parallel>, <threadCount> have no Lanes equivalent and are not applied; see "
            + "\"Surefire's settings\" in Lanes' README.");
  }

  @Test
  void forkCountOneWrittenInTheBuildRunsOneFileAtATimeAndZeroRunsInMavensJvm() throws Exception {
    for (Map.Entry<String, Object> forkCount : Map.<String, Object>of("1", 1, "3", 3).entrySet()) {
      SurefireSettings settings = new SurefireSettings(SurefireParameters.of(null, null,
          plugin("<configuration><forkCount>" + forkCount.getKey() + "</forkCount></configuration>"), "pom.xml",
          new Properties()), line -> line);
      assertThat(settings.layer()).filteredOn(o -> o.key().equals("maxWorkers")).extracting(ConfigOverride::value)
          .containsExactly(forkCount.getValue());
    }
    SurefireSettings inMaven = new SurefireSettings(SurefireParameters.of(null, null,
        plugin("<configuration><forkCount>0</forkCount></configuration>"), "pom.xml", new Properties()), l -> l);
    assertThat(inMaven.layer()).extracting(ConfigOverride::key, ConfigOverride::value)
        .contains(org.assertj.core.groups.Tuple.tuple("pool", "threads"),
            org.assertj.core.groups.Tuple.tuple("isolate", false), org.assertj.core.groups.Tuple.tuple("maxWorkers", 1));
  }

  private static Plugin plugin(String configuration) throws Exception {
    Plugin plugin = new Plugin();
    plugin.setConfiguration(Xpp3DomBuilder.build(new StringReader(configuration)));
    return plugin;
  }
}
