package otelgw.core.otlp;

/**
 * Counts the items at the end of a {@link WirePath} in protobuf wire bytes without building any
 * object, and checks the framing of every message it walks on the way: tags, varints, lengths, wire
 * types and groups. What it does not walk (the inside of each counted item and of other
 * length-delimited fields) is skipped by its length and left for the parser.
 *
 * <p>It follows protobuf-java's reading rules, so that it accepts what the parser accepts at the
 * levels it walks: varints of up to ten bytes, of which tags and lengths keep the low 32 bits; a
 * field with the right number but another wire type is an unknown field, not an item.
 */
final class WireScanner {
  /** Deepest nesting of unknown groups: {@value}, protobuf-java's default recursion limit. */
  static final int MAX_GROUP_DEPTH = 100;

  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;
  static final int START_GROUP = 3;
  static final int END_GROUP = 4;
  static final int FIXED32 = 5;

  private WireScanner() {}

  static int count(byte[] bytes, int offset, int length, WirePath path)
      throws MalformedProtobufException {
    return countLevel(bytes, offset, offset + length, offset, path, 0);
  }

  // base is where the whole message starts, so errors give offsets a person can find.
  private static int countLevel(byte[] b, int pos, int end, int base, WirePath path, int level)
      throws MalformedProtobufException {
    boolean itemLevel = level == path.depth() - 1;
    int count = 0;
    int oneofMember = 0;
    while (pos < end) {
      int tagAt = pos;
      pos = varintEnd(b, pos, end, base);
      int tag = (int) varintValue(b, tagAt, pos);
      int field = tag >>> 3;
      int wireType = tag & 7;
      checkField(field, wireType, tagAt, base);
      if (wireType == LENGTH_DELIMITED && path.leadsDown(level, field)) {
        int lengthAt = pos;
        pos = varintEnd(b, pos, end, base);
        int bodyEnd = lengthEnd(b, lengthAt, pos, end, field, base);
        if (itemLevel) {
          count++;
        } else {
          int below = countLevel(b, pos, bodyEnd, base, path, level + 1);
          if (path.isOneofLevel(level) && field != oneofMember) {
            // Another member of the oneof replaces the one before, as in a parsed message;
            // the same member again merges into it.
            oneofMember = field;
            count = 0;
          }
          count += below;
        }
        pos = bodyEnd;
      } else if (wireType == END_GROUP) {
        throw malformed("unexpected end-group tag for field %d at byte %d", field, tagAt - base);
      } else {
        pos = skipField(b, tagAt, pos, end, base, field, wireType, 0);
      }
    }
    return count;
  }

  /**
   * Skips the value of a field whose tag spans [tagAt, pos); returns the position after it. Groups
   * are skipped whole, {@code groupDepth} being the number of groups already open.
   */
  static int skipField(
      byte[] b, int tagAt, int pos, int end, int base, int field, int wireType, int groupDepth)
      throws MalformedProtobufException {
    return switch (wireType) {
      case VARINT -> varintEnd(b, pos, end, base);
      case FIXED64 -> fixedEnd(pos, end, 8, field);
      case FIXED32 -> fixedEnd(pos, end, 4, field);
      case LENGTH_DELIMITED -> lengthEnd(b, pos, varintEnd(b, pos, end, base), end, field, base);
      case START_GROUP -> {
        if (groupDepth == MAX_GROUP_DEPTH) {
          throw malformed("groups nested deeper than %d at byte %d", MAX_GROUP_DEPTH, tagAt - base);
        }
        yield groupEnd(b, pos, end, base, field, groupDepth + 1);
      }
      default -> throw new IllegalStateException("wire type " + wireType + " not skippable");
    };
  }

  /** Skips a group's fields up to and including its end-group tag. */
  private static int groupEnd(byte[] b, int pos, int end, int base, int groupField, int depth)
      throws MalformedProtobufException {
    while (pos < end) {
      int tagAt = pos;
      pos = varintEnd(b, pos, end, base);
      int tag = (int) varintValue(b, tagAt, pos);
      int field = tag >>> 3;
      int wireType = tag & 7;
      checkField(field, wireType, tagAt, base);
      if (wireType == END_GROUP) {
        if (field != groupField) {
          throw malformed(
              "end-group tag for field %d at byte %d does not close group %d",
              field, tagAt - base, groupField);
        }
        return pos;
      }
      pos = skipField(b, tagAt, pos, end, base, field, wireType, depth);
    }
    throw malformed("truncated message: group %d is not closed", groupField);
  }

  static void checkField(int field, int wireType, int tagAt, int base)
      throws MalformedProtobufException {
    if (field == 0) {
      throw malformed("invalid field number 0 at byte %d", tagAt - base);
    }
    if (wireType > FIXED32) {
      throw malformed(
          "invalid wire type %d for field %d at byte %d", wireType, field, tagAt - base);
    }
  }

  /** The end of a length-delimited value whose length varint spans [lengthAt, bodyStart). */
  static int lengthEnd(byte[] b, int lengthAt, int bodyStart, int end, int field, int base)
      throws MalformedProtobufException {
    int length = (int) varintValue(b, lengthAt, bodyStart);
    if (length < 0) {
      throw malformed("field %d declares a negative length at byte %d", field, lengthAt - base);
    }
    if (length > end - bodyStart) {
      throw malformed(
          "truncated message: field %d declares %d bytes, %d remain",
          field, length, end - bodyStart);
    }
    return bodyStart + length;
  }

  static int fixedEnd(int pos, int end, int size, int field) throws MalformedProtobufException {
    if (size > end - pos) {
      throw malformed(
          "truncated message: field %d needs %d bytes, %d remain", field, size, end - pos);
    }
    return pos + size;
  }

  /** The position after the varint at {@code pos}. */
  static int varintEnd(byte[] b, int pos, int end, int base) throws MalformedProtobufException {
    // Most tags and lengths fit one byte.
    if (pos < end && b[pos] >= 0) {
      return pos + 1;
    }
    for (int i = pos; i < pos + 10; i++) {
      if (i >= end) {
        throw malformed("truncated message: varint at byte %d runs past the end", pos - base);
      }
      if (b[i] >= 0) {
        return i + 1;
      }
    }
    throw malformed("malformed varint at byte %d: longer than 10 bytes", pos - base);
  }

  /** The value of the well-formed varint in [start, end). */
  static long varintValue(byte[] b, int start, int end) {
    long value = 0;
    for (int i = start, shift = 0; i < end; i++, shift += 7) {
      value |= (long) (b[i] & 0x7F) << shift;
    }
    return value;
  }

  static MalformedProtobufException malformed(String format, Object... args) {
    return new MalformedProtobufException(String.format(format, args));
  }
}
