package otelgw.receiver.otlp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Decompresses a request body into an array that never grows past the body size limit: inflation
 * stops at the first byte beyond it, so a small body that would inflate to gigabytes (a
 * decompression bomb) costs at most the limit in memory and the time to inflate that much.
 */
final class BoundedInflater {

  // Start near what the body will likely inflate to (OTLP compresses about 5-10x), then double.
  private static final int EXPECTED_RATIO = 8;
  private static final int MIN_INITIAL = 16 << 10;

  private BoundedInflater() {}

  /** Decoded bytes: {@code bytes[0, length)}. The array may be longer than {@code length}. */
  record Inflated(byte[] bytes, int length) {}

  /**
   * Decodes {@code body} (not released).
   *
   * @throws BodyTooLargeException as soon as the output exceeds {@code limit} bytes
   * @throws IOException if the body is not valid for {@code coding}
   */
  static Inflated inflate(ContentCoding coding, ByteBuf body, int limit)
      throws IOException, BodyTooLargeException {
    try (InputStream in = coding.decode(new ByteBufInputStream(body.duplicate()))) {
      long guess = Math.max(MIN_INITIAL, (long) body.readableBytes() * EXPECTED_RATIO);
      byte[] out = new byte[(int) Math.min(limit, guess)];
      int length = 0;
      while (true) {
        if (length == out.length) {
          if (out.length >= limit) {
            if (in.read() < 0) {
              break;
            }
            throw BodyTooLargeException.decompressed(limit);
          }
          out = Arrays.copyOf(out, (int) Math.min(limit, out.length * 2L));
        }
        int read = in.read(out, length, out.length - length);
        if (read < 0) {
          break;
        }
        length += read;
      }
      return new Inflated(out, length);
    }
  }
}
