package dev.lanes.maven;

import dev.lanes.core.ConfigurationException;
import dev.lanes.core.Lanes;
import dev.lanes.core.RunOptions;
import dev.lanes.core.TestListing;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * {@code lanes:list}: collects the module's tests and prints each with its id, as {@code lanes list} does; runs
 * none. Run it after the tests are compiled: {@code mvn test-compile lanes:list}.
 */
@Mojo(name = "list", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public final class ListMojo extends AbstractLanesMojo {
  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (!hasTestClasses()) {
      getLog().info("No test classes in " + project.getBuild().getTestOutputDirectory()
          + "; compile them first: mvn test-compile lanes:list");
      return;
    }
    Lanes.RunResult result;
    try {
      result = Lanes.run(load(List.of()), RunOptions.builder(console()).collectOnly(true).build());
    } catch (ConfigurationException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    TestListing.lines(result.modules()).forEach(console()::println);
    if (result.exitCode() != 0) {
      throw new MojoFailureException("Some test files could not be collected; see above.");
    }
  }
}
