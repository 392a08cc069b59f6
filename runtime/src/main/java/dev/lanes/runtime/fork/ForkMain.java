package dev.lanes.runtime.fork;

import dev.lanes.runtime.ConsoleRouter;
import dev.lanes.runtime.LibraryLoader;
import dev.lanes.runtime.WorkerLoop;
import dev.lanes.runtime.codec.JsonCodec;
import dev.lanes.spi.protocol.Codec;
import dev.lanes.spi.protocol.Message;
import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The main class of a forked worker JVM: connects to the host's private channel (address in the
 * first argument, the run's token in {@value #TOKEN_ENV}), then serves the worker protocol. The third argument names
 * class folders to load in front of the class path with a {@link ClassFoldersLoader} (none: the project's classes are
 * on the class path); with {@value #PER_FILE} and the library jars after it, a fresh one for every file over a
 * {@link LibraryLoader} of those jars (vmForks). The child ends itself when the channel closes, so a host that dies,
 * even by {@code kill -9}, leaves no worker behind.
 */
public final class ForkMain {
  /** The environment variable holding the token the worker sends first; never on the command line, which {@code ps} shows. */
  public static final String TOKEN_ENV = "LANES_WORKER_TOKEN";
  /** The fourth argument of a worker that loads the class folders afresh for every file (vmForks). */
  public static final String PER_FILE = "per-file";
  /** Exit code of a worker whose channel failed. */
  static final int CHANNEL_FAILED = 70;

  private ForkMain() {
  }

  public static void main(String[] args) {
    if (args.length != 3 && !(args.length == 5 && args[3].equals(PER_FILE))) {
      System.err.println("usage: ForkMain <channel address> <worker name> <class folders, path-separated> [" + PER_FILE
          + " <library jars, path-separated>]");
      Runtime.getRuntime().halt(64);
    }
    ignoreInterrupts();
    String token = System.getenv(TOKEN_ENV);
    ConsoleRouter router = ConsoleRouter.install();
    FramedChannel channel;
    try {
      channel = FramedChannel.connect(args[0]);
      channel.post(token == null ? "" : token);
    } catch (IOException | RuntimeException e) {
      System.err.println("[lanes] the worker could not connect to " + args[0] + ": " + e);
      Runtime.getRuntime().halt(CHANNEL_FAILED);
      return;
    }
    Codec codec = JsonCodec.forProtocol();
    boolean perFile = args.length == 5 && !args[2].isEmpty(); // without folders, every file's classes are the jars'
    Consumer<Message> post = message -> {
      try {
        channel.post(codec.encode(message));
      } catch (IOException e) {
        end(CHANNEL_FAILED); // the host is gone: nobody is left to report to
      }
    };
    WorkerLoop loop;
    if (perFile) {
      LibraryLoader libraries = new LibraryLoader(urls(args[4]), ForkMain.class.getClassLoader());
      loop = new WorkerLoop(post, router.sink(), args[1], 0, libraries, true, new WorkerLoop.FileClassLoaders() {
        @Override
        public ClassLoader open() {
          ClassFoldersLoader file = new ClassFoldersLoader(urls(args[2]), libraries);
          libraries.serve(file::findOwn);
          return file;
        }

        @Override
        public List<String> close(ClassLoader file) {
          List<String> served = libraries.release();
          return served.isEmpty() ? List.of() : List.of("this file's " + String.join(", ", served)
              + ", which a library on the class path looked up by name (Java serialization, or a Class.forName of its"
              + " own)");
        }
      });
    } else {
      loop = new WorkerLoop(post, router.sink(), args[1], 0, testLoader(args[2]), true, null);
    }
    try {
      for (String text = channel.read(); text != null; text = channel.read()) {
        loop.accept(text, codec);
      }
    } catch (IOException | RuntimeException e) {
      System.err.println("[lanes] the worker's channel failed: " + e);
      end(CHANNEL_FAILED);
    }
    // the host closed the channel: after a stop, or because it died
    end(0);
  }

  /**
   * Ends the worker at once (no shutdown hook of a test's may hold it up), once JaCoCo's agent, if the JVM has one, has
   * written what it measured: its own hook, which would do that at exit, does not run on a halt. Processes the tests
   * started and left running end with it.
   */
  private static void end(int code) {
    dumpCoverage();
    ProcessHandle.current().descendants().forEach(ProcessHandle::destroyForcibly); // what tests started and left
    Runtime.getRuntime().halt(code);
  }

  private static void dumpCoverage() {
    try {
      ClassLoader system = ClassLoader.getSystemClassLoader();
      Class<?> rt = Class.forName("org.jacoco.agent.rt.RT", true, system);
      Object agent = rt.getMethod("getAgent").invoke(null);
      Class.forName("org.jacoco.agent.rt.IAgent", true, system).getMethod("dump", boolean.class).invoke(agent, false);
    } catch (ClassNotFoundException e) {
      // no JaCoCo agent in this JVM
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      Throwable cause = e instanceof java.lang.reflect.InvocationTargetException target ? target.getCause() : e;
      if (!(cause instanceof IllegalStateException)) { // JaCoCo's classes on the class path, but no agent started
        System.err.println("[lanes] JaCoCo's agent could not write its execution data: " + cause);
      }
    }
  }

  /**
   * Ctrl-C in a terminal reaches the whole process group; stopping workers is the host's business (it
   * closes their channels, and ends them by force on a second Ctrl-C), so the worker does not react itself.
   */
  private static void ignoreInterrupts() {
    try {
      sun.misc.Signal.handle(new sun.misc.Signal("INT"), sun.misc.SignalHandler.SIG_IGN);
    } catch (IllegalArgumentException | LinkageError e) {
      // no such signal here (Windows): nothing to ignore
    }
  }

  private static ClassLoader testLoader(String folders) {
    ClassLoader classpath = ForkMain.class.getClassLoader();
    return folders.isEmpty() ? classpath : new ClassFoldersLoader(urls(folders), classpath);
  }

  /** The URLs of class path entries, path-separated; none for an empty string. */
  static URL[] urls(String entries) {
    List<URL> urls = new ArrayList<>();
    for (String entry : entries.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        try {
          urls.add(Path.of(entry).toUri().toURL());
        } catch (MalformedURLException e) {
          throw new IllegalArgumentException("not a class path entry: " + entry, e);
        }
      }
    }
    return urls.toArray(URL[]::new);
  }
}
