package otelgw.core.otlp;

/**
 * Reads the fields of one protobuf message from its wire bytes, one at a time and without building
 * any object, with the framing checks of {@link WireScanner}: for code that looks into a request's
 * bytes to decide whether it needs parsing at all. Length-delimited fields are not entered; open
 * one with a second cursor over {@link #bodyStart()}..{@link #bodyEnd()}.
 *
 * <p>Reusable: {@link #reset} points a cursor at the next message. Not thread-safe.
 */
public final class WireFields {

  private byte[] bytes = new byte[0];
  private int pos;
  private int end;
  private int field;
  private int wireType;
  private int fieldStart;
  private int valueStart;
  private int bodyStart;

  /** Reads the message in {@code bytes[start, end)} from its first field; returns this. */
  public WireFields reset(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
    this.field = 0;
    return this;
  }

  /**
   * Moves to the next field, checking that its value lies within the message.
   *
   * @return false at the end of the message
   * @throws MalformedProtobufException if the framing is broken; the cursor is then unusable
   */
  public boolean next() throws MalformedProtobufException {
    if (pos >= end) {
      return false;
    }
    // Tags and lengths under 128, one byte each, are most of them: read those inline.
    fieldStart = pos;
    int tag = bytes[pos];
    if (tag >= 0) {
      valueStart = pos + 1;
    } else {
      valueStart = WireScanner.varintEnd(bytes, pos, end, 0);
      tag = (int) WireScanner.varintValue(bytes, pos, valueStart);
    }
    field = tag >>> 3;
    wireType = tag & 7;
    WireScanner.checkField(field, wireType, fieldStart, 0);
    switch (wireType) {
      case WireScanner.LENGTH_DELIMITED -> {
        int length = valueStart < end ? bytes[valueStart] : -1;
        if (length >= 0 && length <= end - valueStart - 1) {
          bodyStart = valueStart + 1;
          pos = bodyStart + length;
        } else {
          bodyStart = WireScanner.varintEnd(bytes, valueStart, end, 0);
          pos = WireScanner.lengthEnd(bytes, valueStart, bodyStart, end, field, 0);
        }
      }
      case WireScanner.VARINT -> {
        bodyStart = valueStart;
        pos = WireScanner.varintEnd(bytes, valueStart, end, 0);
      }
      case WireScanner.FIXED64 -> {
        bodyStart = valueStart;
        pos = WireScanner.fixedEnd(valueStart, end, 8, field);
      }
      case WireScanner.FIXED32 -> {
        bodyStart = valueStart;
        pos = WireScanner.fixedEnd(valueStart, end, 4, field);
      }
      case WireScanner.START_GROUP -> {
        bodyStart = valueStart;
        pos = WireScanner.skipField(bytes, fieldStart, valueStart, end, 0, field, wireType, 0);
      }
      default -> throw WireScanner.malformed("unexpected end-group tag for field %d", field);
    }
    return true;
  }

  /** The field number of the current field. */
  public int field() {
    return field;
  }

  /** Whether the current field is length-delimited: a string, bytes or a message. */
  public boolean isLengthDelimited() {
    return wireType == WireScanner.LENGTH_DELIMITED;
  }

  /** Whether the current field is a varint: an integer, a bool or an enum. */
  public boolean isVarint() {
    return wireType == WireScanner.VARINT;
  }

  /** Whether the current field is eight bytes: a double or a fixed 64-bit integer. */
  public boolean isFixed64() {
    return wireType == WireScanner.FIXED64;
  }

  /** Where the current field's length varint starts; for a length-delimited field. */
  public int lengthStart() {
    return valueStart;
  }

  /** Where the current field's content starts: after the length of a length-delimited field. */
  public int bodyStart() {
    return bodyStart;
  }

  /** Where the current field ends. */
  public int bodyEnd() {
    return pos;
  }

  /** The value of the current field, which is a varint. */
  public long varint() {
    return WireScanner.varintValue(bytes, valueStart, pos);
  }

  /** The bytes the cursor reads. */
  public byte[] bytes() {
    return bytes;
  }
}
