package dev.lanes.pool.typecheck;

import com.google.auto.service.AutoService;
import com.google.inject.Module;
import dev.lanes.spi.PoolProvider;
import dev.lanes.spi.TestFiles;
import java.util.List;

/** {@code pool = typecheck}. */
@AutoService(PoolProvider.class)
public final class TypecheckPoolProvider implements PoolProvider {
  @Override
  public String name() {
    return "typecheck";
  }

  @Override
  public Module module() {
    return new TypecheckPoolModule();
  }

  /** Type tests: {@code **}{@code /*TypeTest.java} below {@code testSourceDirs} ({@code typecheck.include} overrides it). */
  @Override
  public TestFiles testFiles() {
    return TestFiles.sources(List.of("**/*TypeTest.java"), List.of());
  }
}
