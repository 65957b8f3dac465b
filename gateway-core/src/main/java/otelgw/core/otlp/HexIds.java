package otelgw.core.otlp;

import com.google.protobuf.ByteString;

/** Hex for trace and span ids: case-insensitive in, lowercase out. */
final class HexIds {
  private static final char[] DIGITS = "0123456789abcdef".toCharArray();

  private HexIds() {}

  /** The bytes of an even-length run of hex characters, or null if one is not hex. */
  static byte[] decode(char[] chars, int offset, int length) {
    byte[] out = new byte[length / 2];
    for (int i = 0; i < out.length; i++) {
      int high = value(chars[offset + 2 * i]);
      int low = value(chars[offset + 2 * i + 1]);
      if (high < 0 || low < 0) {
        return null;
      }
      out[i] = (byte) (high << 4 | low);
    }
    return out;
  }

  // Not Character.digit: that also accepts non-ASCII digits.
  private static int value(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    char lower = (char) (c | 0x20);
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
  }

  /** Writes the id as lowercase hex into {@code out} and returns the number of characters. */
  static int encode(ByteString id, char[] out) {
    int size = id.size();
    for (int i = 0; i < size; i++) {
      int b = id.byteAt(i) & 0xFF;
      out[2 * i] = DIGITS[b >>> 4];
      out[2 * i + 1] = DIGITS[b & 0xF];
    }
    return size * 2;
  }
}
