package dev.lanes.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The module rules of DESIGN.md, checked over the classes of every module (the command line's class path holds them
 * all), as JUnit's own build checks its architecture: the protocol imports only the JDK, the SPI only Guice besides,
 * pools never import core, and nothing imports core's {@code internal}. Not checked yet: that only the console reporter
 * writes to {@code System.out}.
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
