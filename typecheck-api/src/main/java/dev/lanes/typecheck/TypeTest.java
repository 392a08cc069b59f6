package dev.lanes.typecheck;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A type test: a method whose body the {@code typecheck} pool compiles, and never runs. A compile error inside it
 * fails it; none passes it. JUnit's {@code @Test} marks a type test as well.
 */
@Documented
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.METHOD)
public @interface TypeTest {
}
