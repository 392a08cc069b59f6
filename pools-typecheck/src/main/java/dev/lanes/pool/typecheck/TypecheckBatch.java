package dev.lanes.pool.typecheck;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.util.JavacTask;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import dev.lanes.spi.TestProject;
import dev.lanes.spi.TestSpecification;
import dev.lanes.spi.protocol.RuntimeRpc;
import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskEvent;
import dev.lanes.spi.protocol.TaskEventPack;
import dev.lanes.spi.protocol.TaskMode;
import dev.lanes.spi.protocol.TaskResult;
import dev.lanes.spi.protocol.TaskResultPack;
import dev.lanes.spi.protocol.TaskType;
import dev.lanes.spi.protocol.TestError;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * One project's type-test files, compiled together by one in-process javac (far faster than file by file):
 * parsed and reported as collected, then attributed without generating anything, and the diagnostics and type
 * assertions distributed over the files' tests.
 */
final class TypecheckBatch {
  private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)\\s*;");

  private final TestProject project;
  private final List<TestSpecification> specs;
  private final TypecheckOptions options;
  private final RuntimeRpc rpc;

  TypecheckBatch(TestProject project, List<TestSpecification> specs, TypecheckOptions options, RuntimeRpc rpc) {
    this.project = project;
    this.specs = List.copyOf(specs);
    this.options = options;
    this.rpc = rpc;
  }

  void run(boolean collectOnly) {
    Map<TestSpecification, Path> files = new LinkedHashMap<>();
    for (TestSpecification spec : specs) {
      rpc.onQueued(file(spec, TaskMode.QUEUED));
      Path path = project.root().resolve(spec.moduleId());
      if (Files.isReadable(path)) {
        files.put(spec, path);
      } else {
        fail(spec, error("TypeCheckError", "[typecheck] cannot read the type-test file '" + spec.moduleId() + "'"));
      }
    }
    if (files.isEmpty()) {
      return;
    }
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    if (compiler == null) {
      files.keySet().forEach(spec -> fail(spec, error("TypeCheckError", "[typecheck] this Java runtime has no "
          + "compiler (" + System.getProperty("java.home") + "); run Lanes on a JDK.")));
      return;
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager fileManager = compiler.getStandardFileManager(diagnostics, Locale.ENGLISH,
        StandardCharsets.UTF_8)) {
      compile(compiler, fileManager, diagnostics, files, collectOnly);
    } catch (IOException e) {
      // closing the file manager failed: the results are out already
    }
  }

  private void compile(JavaCompiler compiler, StandardJavaFileManager fileManager,
                       DiagnosticCollector<JavaFileObject> diagnostics, Map<TestSpecification, Path> files,
                       boolean collectOnly) {
    Map<URI, TestSpecification> byUri = new LinkedHashMap<>();
    List<JavaFileObject> units = new ArrayList<>();
    for (Map.Entry<TestSpecification, Path> file : files.entrySet()) {
      JavaFileObject unit = fileManager.getJavaFileObjects(file.getValue()).iterator().next();
      units.add(unit);
      byUri.put(unit.toUri(), file.getKey());
    }
    JavacTask task;
    try {
      task = (JavacTask) compiler.getTask(null, fileManager, diagnostics, arguments(files.values()), null, units);
    } catch (IllegalArgumentException e) {
      files.keySet().forEach(spec -> fail(spec, error("TypeCheckError", "[typecheck] javac refused its options, "
          + arguments(files.values()) + ": " + e.getMessage() + "; fix poolOptions.typecheck.javacArgs.")));
      return;
    }
    long started = System.nanoTime();
    Map<TestSpecification, TypeTestTree> trees = new LinkedHashMap<>();
    Set<TestSpecification> finished = new HashSet<>();
    try {
      Trees positions = Trees.instance(task);
      for (CompilationUnitTree unit : task.parse()) {
        TestSpecification spec = byUri.get(unit.getSourceFile().toUri());
        if (spec != null) {
          TypeTestTree tree = TypeTestTree.of(unit, positions.getSourcePositions(), spec.moduleId(), spec.fileId());
          trees.put(spec, tree);
          rpc.onCollected(List.of(tree.root()));
        }
      }
      if (collectOnly) {
        return;
      }
      trees.keySet().forEach(spec -> rpc.onTaskUpdate(List.of(new TaskResultPack(spec.fileId(), TaskResult.running())),
          List.of(new TaskEventPack(spec.fileId(), TaskEvent.SUITE_PREPARE))));
      task.analyze();
      TypeAssertionChecker assertions = new TypeAssertionChecker(positions, task.getTypes());
      long share = (System.nanoTime() - started) / 1_000_000 / Math.max(1, trees.size());
      Map<URI, List<Diagnostic<? extends JavaFileObject>>> errors = errorsBySource(diagnostics, byUri.keySet());
      for (Map.Entry<TestSpecification, TypeTestTree> entry : trees.entrySet()) {
        TypeTestTree tree = entry.getValue();
        FileResults results = new FileResults(tree, options.ignoreSourceErrors());
        if (!attributed(positions, tree.unit())) {
          results.notAnalyzed(); // no test passes unless javac has looked at it
        }
        errors.getOrDefault(tree.unit().getSourceFile().toUri(), List.of()).forEach(results::compileError);
        assertions.check(tree.unit()).forEach(results::assertionFailed);
        rpc.onTaskUpdate(results.packs(share), results.events());
        finished.add(entry.getKey());
      }
    } catch (IOException | RuntimeException | LinkageError e) {
      TestError crash = error("TypeCheckError", "[typecheck] javac failed while checking the type tests: " + e);
      files.keySet().stream().filter(spec -> !trees.containsKey(spec)).forEach(spec -> fail(spec, crash));
      trees.keySet().stream().filter(spec -> !finished.contains(spec))
          .forEach(spec -> finishFailed(spec, trees.get(spec).root(), crash));
    }
  }

  /**
   * Whether javac attributed {@code unit}: its first expression in a method has a type. javac goes on attributing
   * after errors, but a test must never pass on the strength of a file the compiler did not look at.
   */
  private static boolean attributed(Trees trees, CompilationUnitTree unit) {
    AttributionProbe probe = new AttributionProbe(trees);
    probe.scan(unit, null);
    return probe.typed == null || probe.typed;
  }

  /** Finds the first expression in a method body and asks javac for its type. */
  private static final class AttributionProbe extends TreePathScanner<Void, Void> {
    private final Trees trees;
    private boolean inBody;
    private Boolean typed;

    AttributionProbe(Trees trees) {
      this.trees = trees;
    }

    @Override
    public Void visitMethod(MethodTree method, Void unused) {
      inBody = true;
      scan(method.getBody(), null);
      inBody = false;
      return null;
    }

    @Override
    public Void scan(Tree tree, Void unused) {
      if (typed != null || tree == null) {
        return null;
      }
      if (inBody && tree instanceof ExpressionTree) {
        typed = trees.getTypeMirror(new TreePath(getCurrentPath(), tree)) != null;
        return null;
      }
      return super.scan(tree, unused);
    }
  }

  /** Errors by the file they are in; those in no type-test file are reported once, as source errors. */
  private Map<URI, List<Diagnostic<? extends JavaFileObject>>> errorsBySource(
      DiagnosticCollector<JavaFileObject> diagnostics, Set<URI> typeTests) {
    Map<URI, List<Diagnostic<? extends JavaFileObject>>> bySource = new LinkedHashMap<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
      if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      URI source = diagnostic.getSource() == null ? null : diagnostic.getSource().toUri();
      if (source != null && typeTests.contains(source)) {
        bySource.computeIfAbsent(source, s -> new ArrayList<>()).add(diagnostic);
      } else if (source == null || !options.ignoreSourceErrors()) {
        String where = source == null ? "" : " (" + project.root().relativize(Path.of(source)) + ":"
            + diagnostic.getLineNumber() + ":" + diagnostic.getColumnNumber() + ")";
        rpc.onUnhandledError(error(source == null ? "TypeCheckError" : "SourceError",
            diagnostic.getMessage(Locale.ENGLISH) + where), source == null ? "Typecheck Error" : "Unhandled Source Error");
      }
    }
    return bySource;
  }

  /** javac's options: no annotation processing, every error (not javac's first 100), the project's class path. */
  private List<String> arguments(Iterable<Path> files) {
    List<String> arguments = new ArrayList<>(List.of("-proc:none", "-implicit:none", "-Xmaxerrs", "1000000",
        "-encoding", "UTF-8"));
    arguments.add("-classpath");
    arguments.add(String.join(File.pathSeparator, project.classpath().stream().map(Path::toString).toList()));
    Set<String> roots = sourceRoots(files);
    if (!roots.isEmpty()) {
      arguments.add("-sourcepath"); // helpers beside the type tests compile with them
      arguments.add(String.join(File.pathSeparator, roots));
    }
    if (options.release() != null) {
      arguments.add("--release");
      arguments.add(String.valueOf(options.release()));
    }
    arguments.addAll(options.javacArgs());
    return arguments;
  }

  /** The source folders the files are in: each file's folder less its package's. */
  private static Set<String> sourceRoots(Iterable<Path> files) {
    Set<String> roots = new LinkedHashSet<>();
    for (Path file : files) {
      try {
        Matcher declared = PACKAGE.matcher(Files.readString(file));
        Path root = file.toAbsolutePath().getParent();
        if (declared.find()) {
          for (int i = declared.group(1).split("\\.").length; i > 0 && root != null; i--) {
            root = root.getParent();
          }
        }
        if (root != null) {
          roots.add(root.toString());
        }
      } catch (IOException | RuntimeException e) {
        // javac reads it too, and reports what is wrong with it
      }
    }
    return roots;
  }

  private Task file(TestSpecification spec, TaskMode mode) {
    return new Task(spec.fileId(), spec.moduleId(), TaskType.FILE, mode, Optional.empty(),
        Optional.of(new Task.Location(spec.moduleId(), 1)), List.of());
  }

  /** A file that could not be checked at all. */
  private void fail(TestSpecification spec, TestError error) {
    rpc.onCollected(List.of(file(spec, TaskMode.RUN)));
    finishFailed(spec, file(spec, TaskMode.RUN), error);
  }

  private void finishFailed(TestSpecification spec, Task root, TestError error) {
    rpc.onTaskUpdate(List.of(new TaskResultPack(spec.fileId(), TaskResult.running()),
            new TaskResultPack(root.id(), TaskResult.failed(0, List.of(error)))),
        List.of(new TaskEventPack(spec.fileId(), TaskEvent.SUITE_PREPARE),
            new TaskEventPack(root.id(), TaskEvent.SUITE_FINISHED)));
  }

  static TestError error(String name, String message) {
    return TestError.of(name, message);
  }
}
