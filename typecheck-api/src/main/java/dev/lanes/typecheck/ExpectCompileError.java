package dev.lanes.typecheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The type test passes only if its body has a compile error whose message contains {@link #value()} (any error
 * when empty); without one it fails, "expected a compile error, none occurred". Errors that do not contain the
 * text still fail it. Messages are the compiler's, in English.
 *
 * <p>For one statement, a comment on the line above does the same: {@code // @expect-error incompatible types}.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface ExpectCompileError {
  /** Text the error's message contains; empty: any error. */
  String value() default "";
}
