package dev.lanes.spi.protocol;

/**
 * Turns messages into text and back. Implementations know the closed set of messages and the RPC
 * interfaces in use, so decoding needs no other state. A text that is not a valid message throws
 * {@link CodecException}, never returns {@code null}.
 */
public interface Codec {

  String encode(Message message);

  Message decode(String text);

  /** A text that could not be decoded, or a message that could not be encoded. */
  final class CodecException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CodecException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
