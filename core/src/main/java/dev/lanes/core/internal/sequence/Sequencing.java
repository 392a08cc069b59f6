package dev.lanes.core.internal.sequence;

import dev.lanes.core.ProjectConfig;
import dev.lanes.core.RunSettings;
import dev.lanes.spi.Sequencer;
import dev.lanes.spi.TestSpecification;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Takes a run's files through its sequencer: the shard of {@code --shard}, then the order; and splits them into the
 * groups of {@code sequence.groupOrder}, which run one after the other. Problems (an unknown sequencer, a bad shard, a
 * group whose projects want different {@code maxWorkers}) are collected, in Vitest's words where it has them.
 */
public final class Sequencing {
  private final RunSettings settings;
  private final Map<String, ProjectConfig> projects = new LinkedHashMap<>();
  private final ResultsCache cache;
  private final ShardTimings timings;

  /** {@code timings}: the recorded run of {@code --shard-timings} that balances the shards ({@link ShardTimings#none()}). */
  public Sequencing(RunSettings settings, List<ProjectConfig> projects, ResultsCache cache, ShardTimings timings) {
    this.settings = settings;
    projects.forEach(project -> this.projects.put(project.name(), project));
    this.cache = cache;
    this.timings = timings;
  }

  /** The files this run takes, in order; empty with a problem added when the sequencer cannot be made. */
  public List<TestSpecification> apply(List<TestSpecification> files, List<String> problems) {
    Optional<Sequencer> sequencer = sequencer(problems);
    if (sequencer.isEmpty()) {
      return files;
    }
    List<TestSpecification> taken = files;
    if (settings.shard().isPresent()) {
      RunSettings.Shard shard = settings.shard().get();
      if (shard.count() > files.size() && !settings.passWithNoTests()) {
        problems.add("--shard <count> must be a smaller than count of test files. Resolved " + files.size()
            + " test files for --shard=" + shard + " (set passWithNoTests to allow an empty shard).");
        return List.of();
      }
      taken = sequencer.get().shard(files, shard.index(), shard.count());
    }
    return sequencer.get().sort(taken);
  }

  /** The files in groups of equal {@code sequence.groupOrder}, lowest first, each in the order given. */
  public List<List<TestSpecification>> groups(List<TestSpecification> files, List<String> problems) {
    Map<Integer, List<TestSpecification>> groups = new java.util.TreeMap<>();
    Map<Integer, TestSpecification> firstOf = new LinkedHashMap<>();
    for (TestSpecification file : files) {
      int order = groupOrder(file);
      TestSpecification first = firstOf.putIfAbsent(order, file);
      if (first != null && first.project().maxWorkers() != file.project().maxWorkers()) {
        String problem = "Projects \"" + first.project().name() + "\" and \"" + file.project().name()
            + "\" have different 'maxWorkers' but same 'sequence.groupOrder'.\nProvide unique 'sequence.groupOrder'"
            + " for them.";
        if (!problems.contains(problem)) {
          problems.add(problem);
        }
      }
      groups.computeIfAbsent(order, o -> new ArrayList<>()).add(file);
    }
    return List.copyOf(groups.values());
  }

  private Optional<Sequencer> sequencer(List<String> problems) {
    Sequencer.Context context = new Context();
    String name = settings.sequencer();
    if (name.equals(RunSettings.DEFAULT_SEQUENCER)) {
      return Optional.of(settings.shuffle() ? new RandomSequencer(context) : new BaseSequencer(context));
    }
    try {
      Class<?> type = Class.forName(name, true, Sequencing.class.getClassLoader());
      if (!Sequencer.class.isAssignableFrom(type)) {
        problems.add("sequence.sequencer: " + name + " does not implement " + Sequencer.class.getName() + ".");
        return Optional.empty();
      }
      try {
        Constructor<?> withContext = type.getConstructor(Sequencer.Context.class);
        return Optional.of((Sequencer) withContext.newInstance(context));
      } catch (NoSuchMethodException e) {
        return Optional.of((Sequencer) type.getConstructor().newInstance());
      }
    } catch (ClassNotFoundException e) {
      problems.add("sequence.sequencer: no class " + name + " on Lanes' class path; use \"default\" or the name of a"
          + " class implementing " + Sequencer.class.getName() + " in a jar beside Lanes' own.");
    } catch (NoSuchMethodException e) {
      problems.add("sequence.sequencer: " + name + " has no public constructor taking a Sequencer.Context, nor one"
          + " taking nothing.");
    } catch (InvocationTargetException e) {
      problems.add("sequence.sequencer: " + name + " failed to start: " + e.getCause());
    } catch (ReflectiveOperationException | LinkageError e) {
      problems.add("sequence.sequencer: " + name + " cannot be made: " + e);
    }
    return Optional.empty();
  }

  private int groupOrder(TestSpecification file) {
    ProjectConfig project = projects.get(file.project().name());
    return project == null ? 0 : project.groupOrder();
  }

  private final class Context implements Sequencer.Context {
    @Override
    public long seed() {
      return settings.seed();
    }

    @Override
    public OptionalLong timing(TestSpecification file) {
      return timings.of(file);
    }

    @Override
    public int groupOrder(TestSpecification file) {
      return Sequencing.this.groupOrder(file);
    }

    @Override
    public OptionalLong size(TestSpecification file) {
      ProjectConfig project = projects.get(file.project().name());
      if (project == null) {
        return OptionalLong.empty();
      }
      List<Path> candidates = new ArrayList<>();
      if (project.takesSources()) {
        candidates.add(project.root().resolve(file.moduleId()));
      } else {
        String classFile = file.moduleId().replace('.', '/') + ".class";
        project.testClassDirs().forEach(dir -> candidates.add(dir.resolve(classFile)));
      }
      for (Path candidate : candidates) {
        try {
          return OptionalLong.of(Files.size(candidate));
        } catch (IOException e) {
          // not in this folder
        }
      }
      return OptionalLong.empty();
    }

    @Override
    public Optional<Sequencer.CachedResult> lastResult(TestSpecification file) {
      return cache.get(file.project().name(), file.moduleId());
    }
  }
}
