package dev.lanes.pool.typecheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lanes.spi.TestProject;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.RuntimeRpc;
import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskEventPack;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskResultPack;
import dev.lanes.spi.protocol.TaskState;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.UserConsoleLog;
import dev.lanes.typecheck.TypeRef;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real javac over real sources in a temporary project; the reports recorded as the core would receive them. */
class TypecheckBatchTest {
  private static final TypecheckOptions DEFAULTS = new TypecheckOptions(List.of(), false, null);

  @TempDir
  Path root;

  @Test
  void anErrorFailsTheTestHoldingItAtItsLineAndColumnOthersPassAndOneOutsideEveryTestFailsTheFile() throws Exception {
    TestSpecification spec = write("t/ShapesTypeTest.java", """
        package t;
        import dev.lanes.typecheck.TypeTest;
        class ShapesTypeTest {
          Integer notATest = "text";
          @TypeTest
          void fine() {
            String s = "a";
          }
          @org.junit.jupiter.api.Test
          void broken() {
            int n = "a";
          }
          @org.junit.jupiter.api.Disabled @TypeTest
          void off() {
            int n = "a";
          }
        }
        """);

    Recording run = check(DEFAULTS, spec);

    assertThat(run.result("fine()").state()).isEqualTo(TaskState.PASS);
    assertThat(run.result("off()").state()).isEqualTo(TaskState.SKIP);
    TestError error = run.result("broken()").errors().get(0);
    assertThat(error.message()).startsWith("incompatible types: java.lang.String cannot be converted to int");
    assertThat(error.stack()).contains("at src/typetest/java/t/ShapesTypeTest.java:11:13");
    TaskResult file = run.results.get(spec.fileId());
    assertThat(file.state()).isEqualTo(TaskState.FAIL);
    assertThat(file.errors()).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo("SourceError");
      assertThat(e.message()).startsWith("outside every test: incompatible types");
      assertThat(e.stack()).contains("at src/typetest/java/t/ShapesTypeTest.java:4:22");
    });
    assertThat(run.collected.get(0).children().get(0).children()).extracting(Task::name)
        .containsExactly("fine()", "broken()", "off()");
    assertThat(run.collected.get(0).children().get(0).children().get(1).location()).get()
        .extracting(Task.Location::line).isEqualTo(9); // where its declaration starts, with its annotations

    Recording ignoring = check(new TypecheckOptions(List.of(), true, null), spec);

    assertThat(ignoring.results.get(spec.fileId()).errors()).isEmpty();
    assertThat(ignoring.result("broken()").state()).isEqualTo(TaskState.FAIL);
  }

  @Test
  void anExpectedErrorPassesOnlyWhenAnErrorWithItsTextOccursWhereExpected() throws Exception {
    TestSpecification spec = write("t/ExpectTypeTest.java", """
        package t;
        import dev.lanes.typecheck.ExpectCompileError;
        import dev.lanes.typecheck.TypeTest;
        class ExpectTypeTest {
          @TypeTest @ExpectCompileError("incompatible types")
          void occurs() {
            int n = "a";
          }
          @TypeTest @ExpectCompileError
          void anyErrorWillDo() {
            undefined();
          }
          @TypeTest @ExpectCompileError("incompatible types")
          void none() {
            long n = 1;
          }
          @TypeTest @ExpectCompileError("incompatible types")
          void another() {
            undefined();
          }
          @TypeTest
          void commentMet() {
            // @expect-error incompatible types
            int n = "a";
            String fine = "b";
          }
          @TypeTest
          void commentCoversOnlyTheStatementBelow() {
            // @expect-error incompatible types
            String fine = "b";
            int n = "a";
          }
        }
        """);

    Recording run = check(DEFAULTS, spec);

    assertThat(run.result("occurs()").state()).isEqualTo(TaskState.PASS);
    assertThat(run.result("anyErrorWillDo()").state()).isEqualTo(TaskState.PASS);
    assertThat(run.result("commentMet()").state()).isEqualTo(TaskState.PASS);
    assertThat(messages(run.result("none()")))
        .containsExactly("expected a compile error containing 'incompatible types', none occurred");
    assertThat(run.result("none()").errors().get(0).stack()).contains("at src/typetest/java/t/ExpectTypeTest.java:13:3");
    assertThat(messages(run.result("another()"))).hasSize(2)
        .anySatisfy(m -> assertThat(m).startsWith("cannot find symbol"))
        .contains("expected a compile error containing 'incompatible types', none occurred");
    assertThat(messages(run.result("commentCoversOnlyTheStatementBelow()"))).hasSize(2)
        .anySatisfy(m -> assertThat(m).startsWith("incompatible types: java.lang.String cannot be converted to int"))
        .contains("expected a compile error containing 'incompatible types', none occurred");
    assertThat(run.results.get(spec.fileId()).state()).isEqualTo(TaskState.FAIL);
  }

  @Test
  void typeAssertionsCompareTheStaticTypeExactlyOrByAssignment() throws Exception {
    TestSpecification spec = write("t/AssertTypeTest.java", """
        package t;
        import static dev.lanes.typecheck.TypeAssertions.expectType;
        import dev.lanes.typecheck.TypeRef;
        import dev.lanes.typecheck.TypeTest;
        import java.util.List;
        class AssertTypeTest {
          @TypeTest
          void exact() {
            expectType(List.of("a")).is(new TypeRef<List<String>>() {});
          }
          @TypeTest
          void notExact() {
            List<String> names = List.of("a");
            expectType(names).is(new TypeRef<List<Object>>() {});
          }
          @TypeTest
          void assignable() {
            expectType(List.of("a")).isAssignableTo(new TypeRef<List<? extends CharSequence>>() {});
          }
          @TypeTest
          void notAssignable() {
            expectType(List.of("a")).isAssignableTo(new TypeRef<List<CharSequence>>() {});
          }
          @TypeTest
          void typeNotWrittenInPlace() {
            TypeRef<String> ref = new TypeRef<String>() {};
            expectType("a").is(ref);
          }
        }
        """);

    Recording run = check(DEFAULTS, spec);

    assertThat(run.result("exact()").state()).isEqualTo(TaskState.PASS);
    assertThat(run.result("assignable()").state()).isEqualTo(TaskState.PASS);
    assertThat(run.result("notExact()").errors()).singleElement().satisfies(e -> {
      assertThat(e.name()).isEqualTo("TypeAssertionError");
      assertThat(e.message()).isEqualTo("expected type java.util.List<java.lang.Object>, but was java.util.List<java.lang.String>");
      assertThat(e.stack()).contains("at src/typetest/java/t/AssertTypeTest.java:14:5");
    });
    assertThat(messages(run.result("notAssignable()"))).containsExactly(
        "expected a type assignable to java.util.List<java.lang.CharSequence>, but was java.util.List<java.lang.String>");
    assertThat(messages(run.result("typeNotWrittenInPlace()")))
        .containsExactly("expectType(..).is(..) takes the type written in place: is(new TypeRef<Type>() {})");
  }

  @Test
  void aSyntaxErrorInOneFileLeavesTheOthersCheckedAndAHelperBesideThemIsASourceError() throws Exception {
    TestSpecification broken = write("t/BrokenTypeTest.java", """
        package t;
        class BrokenTypeTest {
          @dev.lanes.typecheck.TypeTest
          void broken() {
            int n = ;
          }
        }
        """);
    TestSpecification other = write("t/OtherTypeTest.java", """
        package t;
        class OtherTypeTest {
          @dev.lanes.typecheck.TypeTest
          void usesTheHelper() {
            String s = Helper.name();
          }
          @dev.lanes.typecheck.TypeTest
          void wrong() {
            int n = Helper.name();
          }
        }
        """);
    Files.writeString(root.resolve("src/typetest/java/t/Helper.java"), """
        package t;
        class Helper {
          static String name() {
            return 1;
          }
        }
        """);

    Recording run = check(DEFAULTS, broken, other);

    assertThat(messages(run.result("broken()"))).singleElement().asString().startsWith("illegal start of expression");
    assertThat(run.result("usesTheHelper()").state()).isEqualTo(TaskState.PASS);
    assertThat(messages(run.result("wrong()"))).singleElement().asString()
        .startsWith("incompatible types: java.lang.String cannot be converted to int");
    assertThat(run.unhandled).singleElement().satisfies(error -> {
      assertThat(error.name()).isEqualTo("SourceError");
      assertThat(error.message()).startsWith("incompatible types: int cannot be converted to java.lang.String")
          .endsWith("(src/typetest/java/t/Helper.java:4:12)");
    });
  }

  @Test
  void collectingReportsTheTreeAndNoResult() throws Exception {
    TestSpecification spec = write("t/NestedTypeTest.java", """
        package t;
        class NestedTypeTest {
          void helper() {
          }
          static class Inner {
            @dev.lanes.typecheck.TypeTest
            void inner() {
              int n = "not checked when only collecting";
            }
          }
        }
        """);

    Recording run = new Recording();
    new TypecheckBatch(project(), List.of(spec), DEFAULTS, run).run(true);

    Task file = run.collected.get(0);
    assertThat(file.children()).singleElement().satisfies(suite -> {
      assertThat(suite.name()).isEqualTo("NestedTypeTest");
      assertThat(suite.children()).singleElement().extracting(Task::name).isEqualTo("Inner");
      assertThat(suite.children().get(0).children()).singleElement().extracting(Task::id)
          .isEqualTo(spec.fileId() + "_0_0_0");
    });
    assertThat(run.results).isEmpty();
  }

  @Test
  void optionsJavacRefusesAndAMissingFileFailTheirFilesWithTheReason() throws Exception {
    TestSpecification spec = write("t/AnyTypeTest.java", "package t; class AnyTypeTest {}");
    TestSpecification missing = TestSpecification.of(project(), "src/typetest/java/t/GoneTypeTest.java");

    Recording run = check(new TypecheckOptions(List.of("--no-such-flag"), false, null), spec, missing);

    assertThat(messages(run.results.get(spec.fileId()))).singleElement().asString()
        .contains("javac refused its options").contains("--no-such-flag")
        .endsWith("fix poolOptions.typecheck.javacArgs.");
    assertThat(messages(run.results.get(missing.fileId())))
        .containsExactly("[typecheck] cannot read the type-test file 'src/typetest/java/t/GoneTypeTest.java'");
    assertThatThrownBy(() -> new TypecheckOptions(List.of("-d", "out"), false, null))
        .hasMessageContaining("must not set -d");
  }

  @Test
  void releaseChecksAgainstThatJavaVersion() throws Exception {
    TestSpecification spec = write("t/LocalsTypeTest.java", """
        package t;
        class LocalsTypeTest {
          @dev.lanes.typecheck.TypeTest
          void inferredLocal() {
            var n = 1;
          }
        }
        """);

    assertThat(check(DEFAULTS, spec).result("inferredLocal()").state()).isEqualTo(TaskState.PASS);
    assertThat(messages(check(new TypecheckOptions(List.of(), false, 8), spec).result("inferredLocal()")))
        .singleElement().asString().contains("var");
  }

  private Recording check(TypecheckOptions options, TestSpecification... specs) {
    Recording run = new Recording();
    new TypecheckBatch(project(), List.of(specs), options, run).run(false);
    return run;
  }

  private TestSpecification write(String path, String source) throws IOException {
    Path file = root.resolve("src/typetest/java").resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    return TestSpecification.of(project(), "src/typetest/java/" + path);
  }

  private TestProject project() {
    return TestProject.builder("", root, "typecheck").classpath(List.of(location(TypeRef.class), location(Test.class)))
        .teardownTimeout(Duration.ofSeconds(1)).build();
  }

  private static Path location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> messages(TaskResult result) {
    return result.errors().stream().map(TestError::message).collect(Collectors.toList());
  }

  /** The reports a batch sends, as the core would receive them: the last result of each task, by id. */
  private static final class Recording implements RuntimeRpc {
    final List<Task> collected = new ArrayList<>();
    final Map<String, TaskResult> results = new LinkedHashMap<>();
    final List<TestError> unhandled = new ArrayList<>();
    private final Map<String, String> names = new LinkedHashMap<>();

    TaskResult result(String testName) {
      return names.entrySet().stream().filter(e -> e.getValue().equals(testName)).map(e -> results.get(e.getKey()))
          .findFirst().orElseThrow(() -> new AssertionError("no result for " + testName + " in " + results));
    }

    @Override
    public void onQueued(Task file) {
    }

    @Override
    public void onCollected(List<Task> files) {
      collected.addAll(files);
      files.forEach(this::name);
    }

    private void name(Task task) {
      names.put(task.id(), task.name());
      task.children().forEach(this::name);
    }

    @Override
    public void onTaskRegistered(String parentId, Task task) {
    }

    @Override
    public void onTaskUpdate(List<TaskResultPack> packs, List<TaskEventPack> events) {
      packs.forEach(pack -> results.put(pack.taskId(), pack.result()));
    }

    @Override
    public void onUserConsoleLog(UserConsoleLog log) {
    }

    @Override
    public void onUnhandledError(TestError error, String type) {
      unhandled.add(error);
    }

    @Override
    public void onCancel(String reason) {
    }

    @Override
    public CompletionStage<Integer> getCountOfFailedTests() {
      return CompletableFuture.completedFuture(0);
    }
  }
}
