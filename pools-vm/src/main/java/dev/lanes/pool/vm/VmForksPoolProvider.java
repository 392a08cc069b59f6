package dev.lanes.pool.vm;

import com.google.auto.service.AutoService;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.lanes.pool.forks.ClassFolders;
import dev.lanes.pool.forks.ForksPoolModule;
import dev.lanes.spi.PoolProvider;

/**
 * {@code pool = vmForks}: the forks pool, whose child JVMs live across files and run each file in a fresh class
 * loader for the project's own classes; the library jars stay loaded in the JVM's. Its options are the forks
 * pool's, under {@code poolOptions.vmForks}.
 */
@AutoService(PoolProvider.class)
public final class VmForksPoolProvider implements PoolProvider {
  @Override
  public String name() {
    return "vmForks";
  }

  @Override
  public Module module() {
    return Modules.override(new ForksPoolModule())
        .with(binder -> binder.bind(ClassFolders.class).toInstance(ClassFolders.PER_FILE));
  }
}
