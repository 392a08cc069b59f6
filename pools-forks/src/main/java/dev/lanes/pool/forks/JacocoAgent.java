package dev.lanes.pool.forks;

import dev.lanes.spi.Coverage;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

/**
 * JaCoCo's agent for the worker JVMs of a run that measures coverage: the agent's runtime jar Lanes carries, and the
 * {@code -javaagent} flag that appends what it measures to the run's data file, so every worker of the run (and every
 * pool) adds to one file. A worker writes it before it ends (see {@code ForkMain}).
 */
final class JacocoAgent {
  /** The setting of JaCoCo's agent runtime, on the class path without {@code -javaagent}, that writes nothing. */
  static final String OFFLINE_NO_OUTPUT = "-Djacoco-agent.output=none";

  private JacocoAgent() {
  }

  /** {@code -javaagent:<jacocoagent.jar>=destfile=…,append=true,includes=…,excludes=…}. */
  static String flag(Coverage coverage) {
    return "-javaagent:" + jar() + "=destfile=" + coverage.dataFile().toAbsolutePath() + ",append=true,includes="
        + String.join(":", coverage.includes())
        + (coverage.excludes().isEmpty() ? "" : ",excludes=" + String.join(":", coverage.excludes()))
        + ",inclbootstrapclasses=false,jmx=false";
  }

  /**
   * The settings of JaCoCo's agent runtime on a worker's class path, without {@code -javaagent}: what classes the host
   * instrumented ({@link InstrumentedClasses}) measure is appended to the run's data file, which the worker writes
   * before it ends (see {@code ForkMain}), or JaCoCo's own hook as a test exits the JVM.
   */
  static List<String> offlineFlags(Coverage coverage) {
    return List.of("-Djacoco-agent.destfile=" + coverage.dataFile().toAbsolutePath(), "-Djacoco-agent.append=true",
        "-Djacoco-agent.output=file", "-Djacoco-agent.jmx=false");
  }

  /** Whether a JVM flag starts JaCoCo's agent (the build's own, from its {@code argLine}). */
  static boolean isJacocoAgent(String flag) {
    return flag.startsWith("-javaagent:") && flag.contains("jacoco");
  }

  /** The runtime jar of JaCoCo's agent ({@code org.jacoco.agent}, classifier {@code runtime}) on Lanes' class path. */
  static Path jar() {
    URL agent = JacocoAgent.class.getClassLoader().getResource("org/jacoco/agent/rt/RT.class");
    if (agent == null || !agent.getProtocol().equals("jar")) {
      throw new IllegalStateException("JaCoCo's agent (org.jacoco:org.jacoco.agent:runtime) is not on Lanes' class "
          + "path. This is a bug in Lanes.");
    }
    String jar = agent.getPath().substring(0, agent.getPath().indexOf("!/"));
    try {
      return Path.of(new URL(jar).toURI());
    } catch (java.net.MalformedURLException | URISyntaxException e) {
      throw new IllegalStateException("cannot locate JaCoCo's agent in " + agent + ". This is a bug in Lanes.", e);
    }
  }
}
