package dev.lanes.pool.vm;

import com.google.auto.service.AutoService;
import com.google.inject.Module;
import com.google.inject.util.Modules;
import dev.lanes.pool.threads.ThreadsPoolModule;
import dev.lanes.pool.threads.WorkerClassLoaders;
import dev.lanes.spi.PoolProvider;

/**
 * {@code pool = vmThreads}: the threads pool, whose worker threads live across files and run each file in a
 * fresh class loader for the project's own classes; the library jars stay loaded in the worker's.
 */
@AutoService(PoolProvider.class)
public final class VmThreadsPoolProvider implements PoolProvider {
  @Override
  public String name() {
    return "vmThreads";
  }

  @Override
  public Module module() {
    return Modules.override(new ThreadsPoolModule())
        .with(binder -> binder.bind(WorkerClassLoaders.class).to(WorkerClassLoaders.PerFile.class));
  }
}
