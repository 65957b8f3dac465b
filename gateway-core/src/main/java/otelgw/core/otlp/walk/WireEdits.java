package otelgw.core.otlp.walk;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Replacements of byte ranges of one encoded request, in the order of the ranges, applied in one
 * copy: re-encoded parts, and the new lengths of the messages around them.
 */
final class WireEdits {

  private int[] starts = new int[8];
  private int[] ends = new int[8];
  private byte[][] replacements = new byte[8][];
  private int size;

  int size() {
    return size;
  }

  /**
   * Replaces a length-delimited field's length and content, {@code [lengthStart, end)}, with the
   * length and encoding of {@code message}.
   *
   * @return how many bytes longer the request gets
   */
  int replace(int lengthStart, int end, Message message) {
    int length = message.getSerializedSize();
    byte[] encoded = new byte[CodedOutputStream.computeUInt32SizeNoTag(length) + length];
    CodedOutputStream out = CodedOutputStream.newInstance(encoded);
    try {
      out.writeUInt32NoTag(length);
      message.writeTo(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode into an array of the computed size", e);
    }
    out.checkNoSpaceLeft();
    insert(size, lengthStart, end, encoded);
    return encoded.length - (end - lengthStart);
  }

  /**
   * Rewrites the length {@code [lengthStart, bodyStart)} of a message as {@code length}, as edit
   * number {@code index}: the edits inside the message were added after it started, at {@code
   * index} and on.
   *
   * @return how many bytes longer the length gets
   */
  int relength(int index, int lengthStart, int bodyStart, int length) {
    byte[] encoded = new byte[CodedOutputStream.computeUInt32SizeNoTag(length)];
    int at = 0;
    int rest = length;
    while ((rest & ~0x7F) != 0) {
      encoded[at++] = (byte) ((rest & 0x7F) | 0x80);
      rest >>>= 7;
    }
    encoded[at] = (byte) rest;
    insert(index, lengthStart, bodyStart, encoded);
    return encoded.length - (bodyStart - lengthStart);
  }

  /** A copy of {@code original} with every edit applied. */
  byte[] apply(byte[] original) {
    int length = original.length;
    for (int i = 0; i < size; i++) {
      length += replacements[i].length - (ends[i] - starts[i]);
    }
    byte[] out = new byte[length];
    int from = 0;
    int to = 0;
    for (int i = 0; i < size; i++) {
      int kept = starts[i] - from;
      System.arraycopy(original, from, out, to, kept);
      to += kept;
      System.arraycopy(replacements[i], 0, out, to, replacements[i].length);
      to += replacements[i].length;
      from = ends[i];
    }
    System.arraycopy(original, from, out, to, original.length - from);
    return out;
  }

  private void insert(int index, int start, int end, byte[] replacement) {
    if (size == starts.length) {
      starts = Arrays.copyOf(starts, size * 2);
      ends = Arrays.copyOf(ends, size * 2);
      replacements = Arrays.copyOf(replacements, size * 2);
    }
    System.arraycopy(starts, index, starts, index + 1, size - index);
    System.arraycopy(ends, index, ends, index + 1, size - index);
    System.arraycopy(replacements, index, replacements, index + 1, size - index);
    starts[index] = start;
    ends[index] = end;
    replacements[index] = replacement;
    size++;
  }
}
