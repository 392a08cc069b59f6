package dev.lanes.pool.forks;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import com.google.inject.BindingAnnotation;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Qualifies the {@code WorkerFactory} of {@link ForksPoolModule}: the factory of forked workers, for a pool
 * that wraps them (a retrying pool, say) and binds its own {@code ProcessPool} over them.
 */
@BindingAnnotation
@Target({FIELD, PARAMETER, METHOD})
@Retention(RUNTIME)
public @interface ForksWorkers {
}
