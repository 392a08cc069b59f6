package dev.lanes.pool.typecheck;

import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.lanes.spi.PoolContext;
import dev.lanes.spi.PoolModule;
import dev.lanes.spi.ProcessPool;

/** The {@code typecheck} pool as a Guice module: one javac batch per project, in this JVM. */
public class TypecheckPoolModule extends PoolModule {
  @Override
  protected void configure() {
    options(TypecheckOptions.class);
  }

  @Provides
  @Singleton
  ProcessPool pool(PoolContext context, TypecheckOptions options) {
    if (context.projects().stream().anyMatch(project -> project.coverage().isPresent())) {
      context.logger().info("[typecheck] measures no coverage: its tests compile, nothing runs");
    }
    return new TypecheckPool(context, options);
  }
}
