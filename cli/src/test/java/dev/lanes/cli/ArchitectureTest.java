package dev.lanes.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module rules of DESIGN.md, checked over the classes of every module (the command line's class path holds them
 * all), as JUnit's own build checks its architecture: the protocol imports only the JDK, the SPI only Guice besides,
 * pools never import core, nothing imports core's {@code internal}, only the console writes to the console, and every
 * package says what it is in a {@code package-info.java}.
 */
class ArchitectureTest {
  private static final JavaClasses LANES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.lanes");

  static final ArchRule PROTOCOL_IMPORTS_ONLY_THE_JDK = classes().that().resideInAPackage("dev.lanes.spi.protocol..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.lanes.spi.protocol..")
      .because("the protocol is what both sides of a worker share (DESIGN.md)");

  static final ArchRule SPI_IMPORTS_ONLY_GUICE = classes().that().resideInAPackage("dev.lanes.spi..")
      .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "javax.annotation..", "com.google.inject..",
          "jakarta.inject..", "dev.lanes.spi..")
      .because("the SPI adds Guice and jakarta.inject to the JDK and nothing else (DESIGN.md)");

  static final ArchRule POOLS_NEVER_IMPORT_CORE = noClasses().that().resideInAPackage("dev.lanes.pool..")
      .should().dependOnClassesThat().resideInAPackage("dev.lanes.core..")
      .because("what a pool needs from core belongs in the SPI (DESIGN.md)");

  static final ArchRule NO_ONE_ELSES_INTERNALS = noClasses().that().resideOutsideOfPackage("dev.lanes.core..")
      .should().dependOnClassesThat().resideInAPackage("dev.lanes.core.internal..")
      .because("core's internal package is core's own (DESIGN.md)");

  /**
   * The command line hands the console's streams to the reporters ({@code Main} opens them on the file descriptors),
   * the Maven plugin hands Maven's; pools tell the person running tests through their {@code PoolLogger}. Left out:
   * the worker's side ({@code dev.lanes.runtime}), whose whole job is to catch what tests print, and the test kit's
   * logger and fixtures, which run inside a test.
   */
  static final ArchRule ONLY_THE_CONSOLE_WRITES_TO_THE_CONSOLE = noClasses()
      .that().resideInAnyPackage("dev.lanes.spi..", "dev.lanes.core..", "dev.lanes.pool..", "dev.lanes.cli..")
      .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
      .because("reporters write to the stream the command line gives them, pools to their logger (STYLE.md)");

  @Test
  void onlyTheConsoleWritesToTheConsole() {
    ONLY_THE_CONSOLE_WRITES_TO_THE_CONSOLE.check(LANES);
  }

  @Test
  void aPoolPrintingToTheConsoleFailsTheBuildNamingIt() {
    JavaClasses violating = new ClassFileImporter().importClasses(dev.lanes.pool.fixture.PoolPrintingToStdout.class);

    assertThatThrownBy(() -> ONLY_THE_CONSOLE_WRITES_TO_THE_CONSOLE.check(violating)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("PoolPrintingToStdout").hasMessageContaining("System.out");
  }

  /** Every package of Lanes' own modules (the ones {@code mvn install} builds at the root) has a package-info.java. */
  @Test
  void everyPackageSaysWhatItIs() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<Path> sourceRoots;
    try (Stream<Path> modules = Files.list(root)) {
      sourceRoots = modules.map(module -> module.resolve("src/main/java")).filter(Files::isDirectory).toList();
    }
    assertThat(sourceRoots).as("source roots under " + root).hasSizeGreaterThan(8);
    List<Path> missing = new ArrayList<>();
    for (Path sources : sourceRoots) {
      try (Stream<Path> files = Files.walk(sources)) {
        files.filter(file -> file.toString().endsWith(".java")).map(Path::getParent).distinct()
            .filter(folder -> !Files.exists(folder.resolve("package-info.java")))
            .forEach(folder -> missing.add(root.relativize(folder)));
      }
    }
    assertThat(missing).as("packages without a package-info.java").isEmpty();
  }

  @Test
  void theProtocolImportsOnlyTheJdk() {
    PROTOCOL_IMPORTS_ONLY_THE_JDK.check(LANES);
  }

  @Test
  void theSpiImportsOnlyGuiceBesideTheJdk() {
    SPI_IMPORTS_ONLY_GUICE.check(LANES);
  }

  @Test
  void poolsNeverImportCore() {
    POOLS_NEVER_IMPORT_CORE.check(LANES);
  }

  @Test
  void nothingImportsCoresInternals() {
    NO_ONE_ELSES_INTERNALS.check(LANES);
  }

  @Test
  void aViolationFailsTheBuildNamingIt() {
    JavaClasses violating = new ClassFileImporter().importClasses(dev.lanes.pool.fixture.PoolReachingIntoCore.class);

    assertThatThrownBy(() -> POOLS_NEVER_IMPORT_CORE.check(violating)).isInstanceOf(AssertionError.class)
        .hasMessageContaining("PoolReachingIntoCore").hasMessageContaining("dev.lanes.core");
  }
}
