package dev.lanes.examples.websocket;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** An agent JVM this pool started: its output is drained and its last lines kept, for the report of a crash. */
final class AgentProcess {
  private static final int TAIL_CHARS = 4096;
  private static final Map<Integer, String> SIGNALS = Map.of(1, "SIGHUP", 2, "SIGINT", 6, "SIGABRT", 9, "SIGKILL",
      11, "SIGSEGV", 15, "SIGTERM");

  private final Process process;
  private final StringBuilder tail = new StringBuilder();
  private final Thread drain;
  private volatile boolean connected;

  AgentProcess(Process process, String name) {
    this.process = process;
    this.drain = new Thread(() -> drain(process.getInputStream()), name + "-output");
    drain.setDaemon(true);
    drain.start();
  }

  void connected() {
    connected = true;
  }

  boolean hasConnected() {
    return connected;
  }

  long pid() {
    return process.pid();
  }

  Process process() {
    return process;
  }

  void kill() {
    process.destroyForcibly();
  }

  /** How the process ended, waiting at most {@code millis} for it to end: its exit code, its signal, its last output. */
  String describeExit(long millis) {
    try {
      if (!process.waitFor(millis, TimeUnit.MILLISECONDS)) {
        return "the agent process (pid " + pid() + ") is still running";
      }
      drain.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    int code = process.exitValue();
    String signal = code > 128 && code < 160 ? SIGNALS.getOrDefault(code - 128, "signal " + (code - 128)) : null;
    String last = lastOutput();
    return "exit code " + code + (signal == null ? "" : " (killed by " + signal + ")") + " of agent pid " + pid()
        + (last.isEmpty() ? "" : "\nLast output of the agent:\n" + last);
  }

  /** The last output of the process, trimmed. */
  String lastOutput() {
    synchronized (tail) {
      return tail.toString().strip();
    }
  }

  private void drain(InputStream output) {
    byte[] buffer = new byte[8192];
    Charset charset = Charset.defaultCharset();
    try (output) {
      for (int n = output.read(buffer); n >= 0; n = output.read(buffer)) {
        synchronized (tail) {
          tail.append(new String(buffer, 0, n, charset));
          if (tail.length() > TAIL_CHARS) {
            tail.delete(0, tail.length() - TAIL_CHARS);
          }
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }
}
