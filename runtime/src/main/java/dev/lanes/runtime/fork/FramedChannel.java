package dev.lanes.runtime.fork;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The private channel between a host and a forked worker: length-prefixed UTF-8 frames over a
 * Unix-domain socket (or a loopback TCP socket where those are unavailable). Never the child's
 * stdout, which is plain text and may hold anything. One thread reads; any thread may post.
 */
public final class FramedChannel implements Closeable {
  /** The largest frame either side accepts; the codec refuses larger messages before they get here. */
  public static final int MAX_FRAME_BYTES = 64 * 1024 * 1024;

  private final SocketChannel socket;
  private final DataInputStream in;
  private final DataOutputStream out;

  public FramedChannel(SocketChannel socket) {
    this.socket = socket;
    // not Channels.newInputStream/newOutputStream: on JDK 17 those hold the channel's blocking lock while a
    // read blocks, so a post would wait for the next incoming frame
    this.in = new DataInputStream(new BufferedInputStream(new InputStream() {
      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] bytes, int offset, int length) throws IOException {
        return length == 0 ? 0 : socket.read(ByteBuffer.wrap(bytes, offset, length));
      }
    }, 64 * 1024));
    this.out = new DataOutputStream(new BufferedOutputStream(new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] bytes, int offset, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, offset, length);
        while (buffer.hasRemaining()) {
          socket.write(buffer);
        }
      }
    }, 64 * 1024));
  }

  /** Connects to {@code unix:<path>} or {@code tcp:<port>} (loopback). */
  public static FramedChannel connect(String address) throws IOException {
    if (address.startsWith("unix:")) {
      SocketChannel socket = SocketChannel.open(StandardProtocolFamily.UNIX);
      socket.connect(UnixDomainSocketAddress.of(Path.of(address.substring("unix:".length()))));
      return new FramedChannel(socket);
    }
    if (address.startsWith("tcp:")) {
      int port = Integer.parseInt(address.substring("tcp:".length()));
      SocketChannel socket = SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      socket.socket().setTcpNoDelay(true);
      return new FramedChannel(socket);
    }
    throw new IllegalArgumentException("not a worker channel address: " + address);
  }

  /** Writes one frame and flushes it. Thread-safe. */
  public void post(String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    synchronized (out) {
      out.writeInt(bytes.length);
      out.write(bytes);
      out.flush();
    }
  }

  /** Reads the next frame, or returns {@code null} when the other side closed the channel. */
  public String read() throws IOException {
    int length;
    try {
      length = in.readInt();
    } catch (EOFException e) {
      return null;
    }
    if (length < 0 || length > MAX_FRAME_BYTES) {
      throw new IOException("a frame of " + length + " bytes is not valid (at most " + MAX_FRAME_BYTES
          + "); the channel is out of step");
    }
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
