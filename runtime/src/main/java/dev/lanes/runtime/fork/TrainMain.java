package dev.lanes.runtime.fork;

import dev.lanes.runtime.ConsoleCapture;
import dev.lanes.runtime.codec.JsonCodec;
import dev.lanes.runtime.junit.JUnitFileRunner;
import dev.lanes.spi.protocol.Codec;
import dev.lanes.spi.protocol.FileSpec;
import dev.lanes.spi.protocol.RuntimeRpc;
import dev.lanes.spi.protocol.Task;
import dev.lanes.spi.protocol.TaskEventPack;
import dev.lanes.spi.protocol.TaskResultPack;
import dev.lanes.spi.protocol.TestError;
import dev.lanes.spi.protocol.UserConsoleLog;
import dev.lanes.spi.protocol.WorkerRequest;
import dev.lanes.spi.protocol.WorkerResponse;
import dev.lanes.spi.protocol.WorkerSettings;
import java.io.File;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The main class of the JVM that makes a class-data archive (or an AOT cache) for the forked workers of a class path:
 * it does what a worker does before its first test runs — boots the runtime, encodes and decodes the protocol, opens
 * a JUnit Platform launcher session and collects up to {@value #TRAINING_FILES} of the project's test classes (none of
 * them is run) — then exits, which writes the archive. Workers never write one themselves, so a worker's class path is
 * always the same: the archived jars, then the project's class folders, which its system class loader sees as
 * Surefire's does (a JVM that dumps an archive refuses folders on its class path).
 *
 * <p>Arguments: the entries loaded in front of the class path (path-separated: the class folders and the jars that
 * change between runs); the test classes collected are the first of those folders' {@code *Test} classes.
 */
public final class TrainMain {
  /** How many test classes are collected: enough to load what discovery loads, few enough to stay quick. */
  static final int TRAINING_FILES = 20;

  private TrainMain() {
  }

  public static void main(String[] args) {
    ClassLoader loader = loader(args.length > 0 ? args[0] : "");
    Thread.currentThread().setContextClassLoader(loader);
    Codec codec = JsonCodec.forProtocol();
    codec.decode(codec.encode(new WorkerRequest.Start(1, 1, "train", "", false, WorkerSettings.defaults())));
    codec.decode(codec.encode(WorkerResponse.Started.ok()));
    try {
      Class.forName("org.junit.platform.launcher.core.LauncherFactory", false, TrainMain.class.getClassLoader());
    } catch (ClassNotFoundException | LinkageError e) {
      System.exit(0); // no launcher here: the runtime alone is archived
    }
    JUnitFileRunner runner = new JUnitFileRunner(new Discarding(), new ConsoleCapture(new ThreadLocal<>()),
        WorkerSettings.defaults(), true);
    int id = 0;
    for (String testClass : testClasses(args.length > 0 ? args[0] : "")) {
      try {
        runner.run(FileSpec.of(testClass, String.valueOf(++id)), true);
      } catch (RuntimeException | LinkageError e) {
        // a class that cannot be collected trains less; the workers report it when they run it
      }
    }
    runner.close();
    System.exit(0);
  }

  /** Up to {@value #TRAINING_FILES} classes named {@code *Test} in the class folders among {@code entries}. */
  static List<String> testClasses(String entries) {
    List<String> found = new ArrayList<>();
    for (String entry : entries.split(File.pathSeparator)) {
      Path folder = Path.of(entry);
      if (entry.isEmpty() || !java.nio.file.Files.isDirectory(folder)) {
        continue;
      }
      try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(folder)) {
        files.map(folder::relativize).map(Path::toString).filter(name -> name.endsWith("Test.class") && !name.contains("$"))
            .sorted().limit(TRAINING_FILES - found.size())
            .forEach(name -> found.add(name.substring(0, name.length() - ".class".length()).replace(File.separatorChar, '.')));
      } catch (java.io.IOException | java.io.UncheckedIOException e) {
        // a folder that cannot be read trains nothing
      }
      if (found.size() >= TRAINING_FILES) {
        break;
      }
    }
    return found;
  }

  private static ClassLoader loader(String entries) {
    URL[] urls = ForkMain.urls(entries);
    return urls.length == 0 ? TrainMain.class.getClassLoader()
        : new ClassFoldersLoader(urls, TrainMain.class.getClassLoader());
  }

  /** Where a collect's reports go: nowhere. */
  private static final class Discarding implements RuntimeRpc {
    @Override
    public void onQueued(Task file) {
    }

    @Override
    public void onCollected(List<Task> files) {
    }

    @Override
    public void onTaskRegistered(String parentId, Task task) {
    }

    @Override
    public void onTaskUpdate(List<TaskResultPack> packs, List<TaskEventPack> events) {
    }

    @Override
    public void onUserConsoleLog(UserConsoleLog log) {
    }

    @Override
    public void onUnhandledError(TestError error, String type) {
    }

    @Override
    public void onCancel(String reason) {
    }

    @Override
    public CompletionStage<Integer> getCountOfFailedTests() {
      return CompletableFuture.completedFuture(0);
    }
  }
}
