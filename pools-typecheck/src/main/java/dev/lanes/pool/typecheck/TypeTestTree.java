package dev.lanes.pool.typecheck;

import com.sun.source.tree.AnnotationTree;
import com.sun.source.tree.AssignmentTree;
import com.sun.source.tree.BlockTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LineMap;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.StatementTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import dev.lanes.spi.protocol.Ids;
import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskMode;
import dev.lanes.spi.protocol.TaskType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A type-test file as the compiler parsed it, before any attribution: classes become suites, methods annotated
 * {@code @Test} or {@code @TypeTest} become tests, each with its source range; and the compile errors the file
 * expects, from {@code @ExpectCompileError} and {@code // @expect-error} comments. Nothing is loaded or run.
 */
final class TypeTestTree {
  private static final Set<String> TEST_ANNOTATIONS = Set.of("Test", "TypeTest");
  private static final Pattern EXPECT_ERROR = Pattern.compile("//[ \\t]*@expect-error\\b[ \\t]*([^\\r\\n]*)");

  /** A test: its task id, source range (character offsets, end exclusive) and what it expects. */
  record TestRange(String id, long start, long end, boolean skipped, Optional<Expectation> expected) {
    boolean contains(long position) {
      return start <= position && position < end;
    }
  }

  /** A compile error expected in {@code [start, end)} whose message contains {@code text} (any, when empty). */
  record Expectation(String text, long start, long end, Location where) {
    boolean covers(long position) {
      return start <= position && position < end;
    }

    boolean accepts(String message) {
      return message.contains(text);
    }

    String describe() {
      return text.isEmpty() ? "a compile error" : "a compile error containing '" + text + "'";
    }
  }

  /** A 1-based line and column in a file, as javac counts them. */
  record Location(String file, long line, long column) {
    String frame() {
      return "at " + file + ":" + line + ":" + column;
    }
  }

  private final Task root;
  private final List<TestRange> tests;
  private final List<Expectation> comments;
  private final CompilationUnitTree unit;
  private final String moduleId;

  private TypeTestTree(Task root, List<TestRange> tests, List<Expectation> comments, CompilationUnitTree unit,
                       String moduleId) {
    this.root = root;
    this.tests = List.copyOf(tests);
    this.comments = List.copyOf(comments);
    this.unit = unit;
    this.moduleId = moduleId;
  }

  static TypeTestTree of(CompilationUnitTree unit, SourcePositions positions, String moduleId, String fileId) {
    Builder builder = new Builder(unit, positions, moduleId);
    List<Task> suites = new ArrayList<>();
    for (Tree declaration : unit.getTypeDecls()) {
      if (declaration instanceof ClassTree type) {
        builder.suite(type, Ids.childId(fileId, suites.size())).ifPresent(suites::add);
      }
    }
    Task root = new Task(fileId, moduleId, TaskType.FILE, TaskMode.RUN, Optional.empty(),
        Optional.of(new Task.Location(moduleId, 1)), suites);
    return new TypeTestTree(root, builder.tests, builder.comments(), unit, moduleId);
  }

  Task root() {
    return root;
  }

  CompilationUnitTree unit() {
    return unit;
  }

  List<TestRange> tests() {
    return tests;
  }

  List<Expectation> comments() {
    return comments;
  }

  /** The test whose range holds {@code position}: the innermost, if tests nest through local classes. */
  Optional<TestRange> testAt(long position) {
    return tests.stream().filter(t -> t.contains(position)).max(Comparator.comparingLong(TestRange::start));
  }

  Location location(long position) {
    LineMap lines = unit.getLineMap();
    return new Location(moduleId, lines.getLineNumber(position), lines.getColumnNumber(position));
  }

  /** Collects suites and tests while walking the classes, and the statements expectation comments point at. */
  private static final class Builder {
    private final CompilationUnitTree unit;
    private final SourcePositions positions;
    private final String moduleId;
    private final List<TestRange> tests = new ArrayList<>();
    private final List<long[]> statements = new ArrayList<>();

    Builder(CompilationUnitTree unit, SourcePositions positions, String moduleId) {
      this.unit = unit;
      this.positions = positions;
      this.moduleId = moduleId;
    }

    /** The suite of {@code type}, or nothing when neither it nor its nested classes hold a test. */
    Optional<Task> suite(ClassTree type, String id) {
      List<Task> children = new ArrayList<>();
      for (Tree member : type.getMembers()) {
        String childId = Ids.childId(id, children.size());
        if (member instanceof ClassTree nested) {
          suite(nested, childId).ifPresent(children::add);
        } else if (member instanceof MethodTree method) {
          collectStatements(method);
          test(method, childId).ifPresent(children::add);
        }
      }
      if (children.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Task(id, type.getSimpleName().toString(), TaskType.SUITE, TaskMode.RUN, Optional.empty(),
          Optional.of(new Task.Location(moduleId, line(type))), children));
    }

    private Optional<Task> test(MethodTree method, String id) {
      List<? extends AnnotationTree> annotations = method.getModifiers().getAnnotations();
      if (annotations.stream().noneMatch(a -> TEST_ANNOTATIONS.contains(simpleName(a)))) {
        return Optional.empty();
      }
      boolean skipped = annotations.stream().anyMatch(a -> simpleName(a).equals("Disabled"));
      long start = positions.getStartPosition(unit, method);
      long end = positions.getEndPosition(unit, method);
      Optional<Expectation> expected = annotations.stream().filter(a -> simpleName(a).equals("ExpectCompileError"))
          .findFirst().map(a -> new Expectation(text(a), start, end, location(start)));
      tests.add(new TestRange(id, start, end, skipped, expected));
      return Optional.of(new Task(id, method.getName() + "()", TaskType.TEST, skipped ? TaskMode.SKIP : TaskMode.RUN,
          Optional.empty(), Optional.of(new Task.Location(moduleId, line(method))), List.of()));
    }

    /** Every statement's range, for the comments that expect an error in the statement below them. */
    private void collectStatements(MethodTree method) {
      if (method.getBody() == null) {
        return;
      }
      new TreeScanner<Void, Void>() {
        @Override
        public Void scan(Tree tree, Void unused) {
          if (tree instanceof StatementTree && !(tree instanceof BlockTree)) {
            statements.add(new long[] {positions.getStartPosition(unit, tree), positions.getEndPosition(unit, tree)});
          }
          return super.scan(tree, unused);
        }
      }.scan(method.getBody(), null);
    }

    /** {@code // @expect-error text} comments, each covering the first statement that starts after it. */
    List<Expectation> comments() {
      CharSequence source;
      try {
        source = unit.getSourceFile().getCharContent(true);
      } catch (IOException e) {
        return List.of(); // the compiler read it a moment ago; if it cannot now, it has reported why
      }
      List<Expectation> found = new ArrayList<>();
      Matcher matcher = EXPECT_ERROR.matcher(source);
      while (matcher.find()) {
        long after = matcher.end();
        Optional<long[]> next = statements.stream().filter(s -> s[0] >= after).min(Comparator.comparingLong(s -> s[0]));
        long start = next.map(s -> s[0]).orElse(after);
        long end = next.map(s -> s[1]).orElse(after);
        found.add(new Expectation(matcher.group(1).trim(), start, end, location(matcher.start())));
      }
      return found;
    }

    private Location location(long position) {
      LineMap lines = unit.getLineMap();
      return new Location(moduleId, lines.getLineNumber(position), lines.getColumnNumber(position));
    }

    private int line(Tree tree) {
      return (int) unit.getLineMap().getLineNumber(positions.getStartPosition(unit, tree));
    }

    private static String simpleName(AnnotationTree annotation) {
      String name = annotation.getAnnotationType().toString();
      return name.substring(name.lastIndexOf('.') + 1);
    }

    /** The annotation's text argument, {@code @ExpectCompileError("x")} or {@code (value = "x")}; empty if none. */
    private static String text(AnnotationTree annotation) {
      for (ExpressionTree argument : annotation.getArguments()) {
        ExpressionTree value = argument instanceof AssignmentTree assignment ? assignment.getExpression() : argument;
        if (value instanceof LiteralTree literal && literal.getValue() instanceof String text) {
          return text;
        }
      }
      return "";
    }
  }
}
