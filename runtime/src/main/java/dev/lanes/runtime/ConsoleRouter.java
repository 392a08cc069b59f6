package dev.lanes.runtime;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.function.BiConsumer;

/**
 * Replaces {@code System.out} and {@code System.err} with streams that hand what a thread prints to
 * the sink set for that thread (and inherited by the threads it starts), or to the original stream
 * when none is set. The sink is a JDK type so a worker loaded by another class loader can set it.
 */
public final class ConsoleRouter {
  private static final Object LOCK = new Object();
  private static ConsoleRouter installed;

  private final InheritableThreadLocal<BiConsumer<Boolean, String>> sink = new InheritableThreadLocal<>();
  private final PrintStream originalOut;
  private final PrintStream originalErr;

  private ConsoleRouter(PrintStream originalOut, PrintStream originalErr) {
    this.originalOut = originalOut;
    this.originalErr = originalErr;
  }

  /** Installs the router in this JVM once; later calls return the same router. */
  public static ConsoleRouter install() {
    synchronized (LOCK) {
      if (installed == null) {
        installed = new ConsoleRouter(System.out, System.err);
        Charset charset = Charset.defaultCharset();
        System.setOut(new RoutedPrintStream(installed.new Routed(false, installed.originalOut), charset));
        System.setErr(new RoutedPrintStream(installed.new Routed(true, installed.originalErr), charset));
      }
      return installed;
    }
  }

  /**
   * Per thread: where printed text goes. The {@code Boolean} is {@code true} for stderr; a {@code null} text is an
   * explicit {@code flush()} of the stream, after which what was printed should not wait for the test's end.
   */
  public ThreadLocal<BiConsumer<Boolean, String>> sink() {
    return sink;
  }

  private final class Routed extends OutputStream {
    private final boolean stderr;
    private final PrintStream original;

    Routed(boolean stderr, PrintStream original) {
      this.stderr = stderr;
      this.original = original;
    }

    @Override
    public void write(int b) {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      BiConsumer<Boolean, String> target = sink.get();
      if (target == null) {
        original.write(bytes, offset, length);
      } else {
        target.accept(stderr, new String(bytes, offset, length, Charset.defaultCharset()));
      }
    }

    @Override
    public void flush() {
      if (sink.get() == null) {
        original.flush();
      }
    }

    /** A {@code flush()} the test asked for, not one of the stream's own after each line. */
    void flushedByCaller() {
      BiConsumer<Boolean, String> target = sink.get();
      if (target != null) {
        target.accept(stderr, null);
      }
    }
  }

  /**
   * {@code System.out} and {@code System.err} while the router is installed. Every worker of the JVM prints through
   * them, so a test's {@code close()} only flushes: closing them would silence every other file. A test's own
   * {@code flush()} is passed on (the stream's flushes after each line reach {@link Routed#flush} directly).
   */
  private static final class RoutedPrintStream extends PrintStream {
    private final Routed routed;

    RoutedPrintStream(Routed routed, Charset charset) {
      super(routed, true, charset);
      this.routed = routed;
    }

    @Override
    public void flush() {
      super.flush();
      routed.flushedByCaller();
    }

    @Override
    public void close() {
      flush();
    }
  }
}
