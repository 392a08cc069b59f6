package dev.lanes.pool.typecheck;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.NewClassTree;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Checks {@code expectType(expr).is(new TypeRef<T>() {})} and {@code .isAssignableTo(..)} once the compiler has
 * attributed the sources: the static type of {@code expr} against {@code T}, exactly ({@link Types#isSameType}) or
 * by assignment ({@link Types#isAssignable}).
 */
final class TypeAssertionChecker {
  private static final String ASSERTIONS = "dev.lanes.typecheck.TypeAssertions";
  private static final String TYPE_REF = "dev.lanes.typecheck.TypeRef";

  /** A type assertion that does not hold, at {@code position} of its file. */
  record Failure(long position, String message) {
  }

  private final Trees trees;
  private final Types types;

  TypeAssertionChecker(Trees trees, Types types) {
    this.trees = trees;
    this.types = types;
  }

  List<Failure> check(CompilationUnitTree unit) {
    List<Failure> failures = new ArrayList<>();
    new TreePathScanner<Void, Void>() {
      @Override
      public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
        check(getCurrentPath(), call).ifPresent(message ->
            failures.add(new Failure(trees.getSourcePositions().getStartPosition(unit, call), message)));
        return super.visitMethodInvocation(call, unused);
      }
    }.scan(unit, null);
    return failures;
  }

  /** What is wrong with {@code call} if it is a type assertion that fails; empty for any other call. */
  private Optional<String> check(TreePath path, MethodInvocationTree call) {
    if (!(call.getMethodSelect() instanceof MemberSelectTree select)
        || !(select.getExpression() instanceof MethodInvocationTree start)
        || call.getArguments().size() != 1 || start.getArguments().size() != 1) {
      return Optional.empty();
    }
    String check = select.getIdentifier().toString();
    if (!check.equals("is") && !check.equals("isAssignableTo")) {
      return Optional.empty();
    }
    TreePath startPath = new TreePath(new TreePath(path, select), start);
    if (!isExpectType(trees.getElement(startPath))) {
      return Optional.empty();
    }
    TypeMirror actual = trees.getTypeMirror(new TreePath(startPath, start.getArguments().get(0)));
    ExpressionTree argument = call.getArguments().get(0);
    Optional<TypeMirror> expected = argument instanceof NewClassTree created && created.getClassBody() != null
        ? typeArgument(trees.getTypeMirror(new TreePath(path, argument))) : Optional.empty();
    if (expected.isEmpty()) {
      return Optional.of("expectType(..)." + check + "(..) takes the type written in place: "
          + check + "(new TypeRef<Type>() {})");
    }
    if (actual == null || actual.getKind() == TypeKind.ERROR || expected.get().getKind() == TypeKind.ERROR) {
      return Optional.empty(); // the compiler has reported why it could not tell
    }
    if (check.equals("is") && !types.isSameType(actual, expected.get())) {
      return Optional.of("expected type " + expected.get() + ", but was " + actual);
    }
    if (check.equals("isAssignableTo") && !types.isAssignable(actual, expected.get())) {
      return Optional.of("expected a type assignable to " + expected.get() + ", but was " + actual);
    }
    return Optional.empty();
  }

  private static boolean isExpectType(Element element) {
    return element instanceof ExecutableElement method && method.getSimpleName().contentEquals("expectType")
        && method.getEnclosingElement() instanceof TypeElement owner
        && owner.getQualifiedName().contentEquals(ASSERTIONS);
  }

  /** {@code T} of the anonymous {@code TypeRef<T>} subclass {@code type}. */
  private Optional<TypeMirror> typeArgument(TypeMirror type) {
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    for (TypeMirror supertype : types.directSupertypes(type)) {
      if (supertype instanceof DeclaredType declared && declared.asElement() instanceof TypeElement element
          && element.getQualifiedName().contentEquals(TYPE_REF) && declared.getTypeArguments().size() == 1) {
        return Optional.of(declared.getTypeArguments().get(0));
      }
    }
    return Optional.empty();
  }
}
