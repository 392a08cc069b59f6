package dev.lanes.maven;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;

/**
 * A module's test class path as Surefire would run it: Maven's, less what {@code classpathDependencyExcludes} and
 * {@code classpathDependencyScopeExclude} leave out, plus {@code additionalClasspathElements}, plus what the JUnit
 * Platform needs and the project does not declare — the launcher of its engine's version, or for a JUnit 4 project
 * without any engine the Vintage engine, as Surefire picks its JUnit 4 provider by itself.
 */
final class MavenTestClasspath {
  private static final Pattern ENGINE = Pattern.compile("junit-platform-engine-(\\d[^/\\\\]*)\\.jar");
  private static final Pattern JUNIT4 = Pattern.compile("junit-(4\\.(\\d+)[^/\\\\]*)\\.jar");
  /** The Vintage engine a JUnit 4 project gets: the newest 5.x, which runs on Java 8 and needs JUnit 4.12 or later. */
  static final String VINTAGE = "5.14.4";
  static final String VINTAGE_PLATFORM = "1.14.4";

  private final MavenProject project;
  private final RepositorySystem system;
  private final RepositorySystemSession session;
  private final List<RemoteRepository> repositories;
  private final Consumer<String> info;

  MavenTestClasspath(MavenProject project, RepositorySystem system, RepositorySystemSession session,
                     List<RemoteRepository> repositories, Consumer<String> info) {
    this.project = project;
    this.system = system;
    this.session = session;
    this.repositories = List.copyOf(repositories);
    this.info = info;
  }

  List<String> entries(SurefireParameters surefire) throws MojoExecutionException {
    List<String> entries;
    try {
      entries = new ArrayList<>(project.getTestClasspathElements());
    } catch (DependencyResolutionRequiredException e) {
      throw new MojoExecutionException("cannot resolve the test class path of " + project.getId(), e);
    }
    List<String> excludes = surefire.list("classpathDependencyExcludes").map(SurefireParameters.Value::value)
        .orElse(List.of());
    Optional<String> scope = surefire.text("classpathDependencyScopeExclude").map(SurefireParameters.Value::value);
    for (Artifact artifact : project.getArtifacts()) {
      String key = artifact.getGroupId() + ":" + artifact.getArtifactId();
      boolean excluded = excludes.stream().anyMatch(e -> e.equals(key) || e.equals(key + ":" + artifact.getClassifier()))
          || scope.filter(s -> excludedByScope(s, artifact.getScope())).isPresent();
      if (excluded && artifact.getFile() != null) {
        entries.remove(artifact.getFile().getAbsolutePath());
      }
    }
    surefire.list("additionalClasspathElements").ifPresent(more -> entries.addAll(more.value().stream()
        .map(e -> project.getBasedir().toPath().resolve(e).toAbsolutePath().normalize().toString()).toList()));
    if (entries.stream().noneMatch(MavenTestClasspath::isEngine)) {
      junit4(entries);
    }
    boolean hasLauncher = entries.stream().anyMatch(e -> new File(e).getName().startsWith("junit-platform-launcher-"));
    Optional<String> engine = entries.stream().map(e -> ENGINE.matcher(new File(e).getName()))
        .filter(Matcher::matches).map(m -> m.group(1)).findFirst();
    if (!hasLauncher && engine.isPresent()) {
      entries.add(launcher(engine.get()).getAbsolutePath());
    }
    return entries;
  }

  /**
   * A JUnit 4 project without a JUnit Platform engine gets the Vintage engine and its platform; a JUnit older than
   * Vintage takes (4.12) is replaced by the one Vintage brings (4.13.2), which runs the same tests.
   */
  private void junit4(List<String> entries) throws MojoExecutionException {
    Optional<String> junit = entries.stream().filter(e -> JUNIT4.matcher(new File(e).getName()).matches()).findFirst();
    if (junit.isEmpty()) {
      return;
    }
    Matcher version = JUNIT4.matcher(new File(junit.get()).getName());
    version.matches();
    boolean tooOld = Integer.parseInt(version.group(2)) < 12;
    CollectRequest request = new CollectRequest(List.of(
        new Dependency(new DefaultArtifact("org.junit.vintage", "junit-vintage-engine", "jar", VINTAGE), "runtime"),
        new Dependency(new DefaultArtifact("org.junit.platform", "junit-platform-launcher", "jar", VINTAGE_PLATFORM),
            "runtime")), null, repositories);
    List<ArtifactResult> resolved;
    try {
      resolved = system.resolveDependencies(session, new DependencyRequest(request, null)).getArtifactResults();
    } catch (DependencyResolutionException e) {
      throw new MojoExecutionException("The tests use JUnit " + version.group(1) + " without a JUnit Platform engine,"
          + " and org.junit.vintage:junit-vintage-engine:" + VINTAGE + " cannot be resolved to run them: "
          + e.getMessage() + "; add it to the test dependencies.", e);
    }
    if (tooOld) {
      entries.remove(junit.get());
    }
    for (ArtifactResult result : resolved) {
      org.eclipse.aether.artifact.Artifact artifact = result.getArtifact();
      boolean isJunit = artifact.getGroupId().equals("junit") && artifact.getArtifactId().equals("junit");
      boolean isHamcrest = artifact.getGroupId().equals("org.hamcrest");
      if ((!isJunit || tooOld) && (!isHamcrest || tooOld) && !entries.contains(artifact.getFile().getAbsolutePath())) {
        entries.add(artifact.getFile().getAbsolutePath());
      }
    }
    info.accept("JUnit " + version.group(1) + " and no JUnit Platform engine on the test class path: its tests run"
        + " through junit-vintage-engine " + VINTAGE + ", as Surefire picks its JUnit 4 provider"
        + (tooOld ? "; Vintage needs JUnit 4.12 or later, so JUnit 4.13.2 takes the place of " + version.group(1) : "")
        + ".");
  }

  private File launcher(String version) throws MojoExecutionException {
    ArtifactRequest request = new ArtifactRequest(
        new DefaultArtifact("org.junit.platform", "junit-platform-launcher", "jar", version), repositories, null);
    try {
      return system.resolveArtifact(session, request).getArtifact().getFile();
    } catch (ArtifactResolutionException e) {
      throw new MojoExecutionException("The tests use junit-platform-engine " + version + " but not its launcher,"
          + " and org.junit.platform:junit-platform-launcher:" + version + " cannot be resolved: " + e.getMessage()
          + "; add it to the test dependencies.", e);
    }
  }

  /** Whether a class path entry is a JUnit Platform engine (a jar that registers one with the service loader). */
  private static boolean isEngine(String entry) {
    File file = new File(entry);
    if (!file.isFile()) {
      return new File(file, "META-INF/services/org.junit.platform.engine.TestEngine").isFile();
    }
    try (ZipFile jar = new ZipFile(file)) {
      return jar.getEntry("META-INF/services/org.junit.platform.engine.TestEngine") != null;
    } catch (IOException e) {
      return false;
    }
  }

  /** Surefire's classpathDependencyScopeExclude: {@code runtime} leaves out compile and runtime scopes, and so on. */
  private static boolean excludedByScope(String excluded, String scope) {
    return switch (excluded) {
      case "compile" -> scope.equals("compile") || scope.equals("provided") || scope.equals("system");
      case "runtime" -> scope.equals("compile") || scope.equals("runtime");
      case "compile+runtime" -> !scope.equals("test");
      case "runtime+system" -> scope.equals("compile") || scope.equals("runtime") || scope.equals("system");
      case "test" -> true;
      default -> scope.equals(excluded);
    };
  }
}
