package dev.lanes.pool.forks;

import dev.lanes.runtime.fork.FramedChannel;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where one worker connects back: a Unix-domain socket in a private temporary folder (only this user
 * may enter it, named after this JVM so that a run after a {@code kill -9} deletes it), or, where those are
 * unavailable, a loopback port. Either way the worker must first
 * send a token known only to this process and the worker's environment.
 */
final class PrivateChannel implements AutoCloseable {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String PREFIX = "lanes-channel-";
  /** How long a connection may take to send the token (the worker sends it at once). */
  static final long TOKEN_MILLIS = 5_000;
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "lanes-channel-timer");
    thread.setDaemon(true);
    return thread;
  });

  private final ServerSocketChannel server;
  private final Path folder;
  private final String address;
  private final String token;
  private final AtomicInteger rejected = new AtomicInteger();

  private PrivateChannel(ServerSocketChannel server, Path folder, String address) {
    this.server = server;
    this.folder = folder;
    this.address = address;
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    this.token = HexFormat.of().formatHex(bytes);
  }

  static PrivateChannel open() throws IOException {
    Path folder = null;
    try {
      folder = RunFolders.create(PREFIX);
      Path socket = folder.resolve("w");
      ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
      server.bind(UnixDomainSocketAddress.of(socket), 1);
      return new PrivateChannel(server, folder, "unix:" + socket);
    } catch (IOException | UnsupportedOperationException e) {
      // no Unix-domain sockets here (or the temporary folder's path is too long for one): a loopback port
      deleteQuietly(folder);
      ServerSocketChannel server = ServerSocketChannel.open();
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1);
      int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
      return new PrivateChannel(server, null, "tcp:" + port);
    }
  }

  /** The worker's first argument. */
  String address() {
    return address;
  }

  /** What the worker finds in its environment and sends first. */
  String token() {
    return token;
  }

  /**
   * Waits for the worker to connect and prove it holds the token; connections without it — a wrong token, or none
   * within {@link #TOKEN_MILLIS} — are closed, counted, and the wait goes on. Fails when {@link #close()} is called
   * meanwhile (the worker died).
   */
  FramedChannel accept() throws IOException {
    while (true) {
      SocketChannel socket = server.accept();
      FramedChannel channel = new FramedChannel(socket);
      ScheduledFuture<?> silent = TIMER.schedule(() -> closeQuietly(channel), TOKEN_MILLIS, TimeUnit.MILLISECONDS);
      String sent;
      try {
        sent = channel.read();
      } catch (IOException e) {
        sent = null; // closed for its silence, or broken
      } finally {
        silent.cancel(false);
      }
      if (sent != null && MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
          token.getBytes(StandardCharsets.UTF_8))) {
        close(); // one worker per channel: nothing else may connect, and the folder is gone
        return channel;
      }
      rejected.incrementAndGet();
      channel.close();
    }
  }

  /** How many connections did not send the token: something other than the worker connected. */
  int rejected() {
    return rejected.get();
  }

  private static void closeQuietly(FramedChannel channel) {
    try {
      channel.close();
    } catch (IOException e) {
      // closing to end a read: nothing more to do
    }
  }

  @Override
  public void close() {
    try {
      server.close();
    } catch (IOException e) {
      // closing a listening socket does not fail in a way that matters here
    }
    deleteQuietly(folder);
  }

  private static void deleteQuietly(Path folder) {
    if (folder == null) {
      return;
    }
    try {
      Files.deleteIfExists(folder.resolve("w"));
      Files.deleteIfExists(folder);
    } catch (IOException e) {
      folder.toFile().deleteOnExit();
    }
  }
}
