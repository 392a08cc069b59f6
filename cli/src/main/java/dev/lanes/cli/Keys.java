package dev.lanes.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.utils.NonBlockingReader;

/**
 * The keys of {@code lanes watch}, read on a thread of their own. On a terminal it is put in raw mode (JLine), so a
 * key counts without Enter; Ctrl-C still interrupts. The terminal's settings come back on close and on exit. Without
 * a terminal (a pipe) the bytes are read as they come; at its end no more keys come, and the watch goes on.
 */
final class Keys implements AutoCloseable {
  private final Terminal terminal;
  private final Attributes saved;
  private final BlockingQueue<Character> pressed = new LinkedBlockingQueue<>();
  private final Thread reader;
  private final Thread restore;
  private volatile boolean closed;

  private Keys(Terminal terminal, Runnable onQuit) {
    this.terminal = terminal;
    this.saved = terminal.enterRawMode();
    this.restore = new Thread(() -> terminal.setAttributes(saved), "lanes-watch-terminal");
    Runtime.getRuntime().addShutdownHook(restore);
    this.reader = new Thread(() -> read(onQuit), "lanes-watch-keys");
    reader.setDaemon(true);
    reader.start();
  }

  /** Reads keys from the terminal (or standard input); {@code onQuit} runs at once on {@code q}, even mid-run. */
  static Keys open(Runnable onQuit) {
    try {
      return new Keys(TerminalBuilder.builder().system(true).dumb(true).build(), onQuit);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read keys from the terminal", e);
    }
  }

  private void read(Runnable onQuit) {
    NonBlockingReader in = terminal.reader();
    try {
      while (!closed) {
        int key = in.read(200);
        if (key == NonBlockingReader.EOF) {
          return;
        }
        if (key >= 0) {
          pressed.add((char) key);
          if (key == 'q') {
            onQuit.run();
          }
        }
      }
    } catch (IOException e) {
      // the terminal went away: no more keys
    }
  }

  /** The next key pressed, waiting up to {@code millis} for one. */
  Optional<Character> poll(long millis) throws InterruptedException {
    return Optional.ofNullable(pressed.poll(millis, TimeUnit.MILLISECONDS));
  }

  @Override
  public void close() {
    closed = true;
    terminal.setAttributes(saved);
    try {
      Runtime.getRuntime().removeShutdownHook(restore);
    } catch (IllegalStateException e) {
      // exiting: the hook restores the terminal
    }
    try {
      terminal.close();
    } catch (IOException e) {
      // nothing more to restore
    }
  }
}
