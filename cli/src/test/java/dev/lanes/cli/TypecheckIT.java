package dev.lanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The typecheck sample through the real command: type tests compiled, mapped, never run; unit tests beside them. */
class TypecheckIT {
  private static final String LISTS = "src/typetest/java/dev/lanes/sample/typed/ListsTypeTest.java";

  @Test
  void theTypecheckProjectReportsEachTypeTestAsDesignedWithFileLineAndColumnAndRunsNone() throws Exception {
    Path marker = LanesCli.example("typecheck-sample").resolve("target/typecheck-sample-ran.marker");
    Files.deleteIfExists(marker);

    LanesCli.Result result = LanesCli.run(LanesCli.example("typecheck-sample"), "run", "--project", "typecheck",
        "--reporter", "verbose");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
    assertThat(result.out())
        .contains("Test Files  1 failed | 1 passed (2)")
        .contains("Tests  3 failed | 8 passed (11)")
        // passing: plain code, an exact type, an assignable type, an expected error (annotation and comment) that occurs
        .contains("✓ ListsTypeTest > zipKeepsBothElementTypes()")
        .contains("✓ ListsTypeTest > mapAllInfersTheResultType()")
        .contains("✓ ListsTypeTest > aListOfStringsIsAssignableToAWildcard()")
        .contains("✓ ListsTypeTest > zipCannotBeReadAsTheWrongPair()")
        .contains("✓ ListsTypeTest > firstOrRefusesAMismatchedFallback()")
        .contains("✓ ListsTypeTest > neverRuns()")
        // failing: a real type error, an exact type that is not, an expected error that never comes
        .contains("FAIL  |typecheck| " + LISTS + " > ListsTypeTest > firstOrOfIntegersIsNoString()\n"
            + "TypeCheckError: incompatible types: inference variable T has incompatible bounds")
        .contains("❯ " + LISTS + ":41:33")
        .contains("FAIL  |typecheck| " + LISTS + " > ListsTypeTest > mapAllIsNotAListOfObjects()\n"
            + "TypeAssertionError: expected type java.util.List<java.lang.Object>, but was java.util.List<java.lang.String>")
        .contains("❯ " + LISTS + ":30:5")
        .contains("FAIL  |typecheck| " + LISTS + " > ListsTypeTest > aWideningIsNoError()\n"
            + "TypeCheckError: expected a compile error containing 'incompatible types', none occurred")
        .contains("❯ " + LISTS + ":57:3")
        .doesNotContain("|unit|");
    assertThat(marker).as("a type test's body is compiled, never run").doesNotExist();
  }

  @Test
  void unitTestsInThreadsAndTypeTestsInTypecheckRunInOneRun() throws Exception {
    LanesCli.Result result = LanesCli.run(LanesCli.example("typecheck-sample"), "run");

    assertThat(result.exitCode()).as(result.all()).isEqualTo(1);
    assertThat(result.out())
        .containsPattern("RUN  Lanes 3 test files, pools \\[(threads, typecheck|typecheck, threads)]") // the sequencer's order
        .contains("✓ |unit| dev.lanes.sample.typed.ListsTest (3 tests)")
        .contains("✓ |typecheck| src/typetest/java/dev/lanes/sample/typed/PairTypeTest.java (2 tests)")
        .contains("Test Files  1 failed | 2 passed (3)")
        .contains("Tests  3 failed | 11 passed (14)");
  }
}
