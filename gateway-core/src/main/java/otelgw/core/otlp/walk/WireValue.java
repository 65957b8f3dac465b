package otelgw.core.otlp.walk;

import io.opentelemetry.proto.common.v1.AnyValue;
import otelgw.core.otlp.MalformedProtobufException;
import otelgw.core.otlp.WireFields;

/**
 * An attribute value or log body as a {@link WireScreen} is shown it: its kind and, for a string or
 * an integer, the value, read from the wire bytes. Reused from value to value, so valid only during
 * the call it is passed to.
 */
public final class WireValue {

  /** What an {@code AnyValue} holds, as far as the reader takes it apart. */
  public enum Kind {
    /** No value. */
    NONE,
    STRING,
    INT,
    /** A bool, a double or bytes. */
    OTHER_SCALAR,
    /** A map or an array, or an encoding the reader does not take apart; its content is unknown. */
    UNREAD
  }

  private Kind kind = Kind.NONE;
  private String string = "";
  private long intValue;

  public Kind kind() {
    return kind;
  }

  /** The value of a {@link Kind#STRING}. */
  public String string() {
    return string;
  }

  /** The value of an {@link Kind#INT}. */
  public long intValue() {
    return intValue;
  }

  /** Reads no value at all. */
  void none() {
    kind = Kind.NONE;
  }

  /**
   * Reads the {@code AnyValue} that {@code fields} was reset to.
   *
   * @return false where a string is not UTF-8, which the parser rejects
   */
  boolean read(WireFields fields, WireReader reader) throws MalformedProtobufException {
    kind = Kind.NONE;
    boolean seen = false;
    while (fields.next()) {
      if (seen) {
        // A second value: the parser keeps the last, or merges two maps.
        kind = Kind.UNREAD;
        return true;
      }
      seen = true;
      switch (fields.field()) {
        case AnyValue.STRING_VALUE_FIELD_NUMBER -> {
          if (!fields.isLengthDelimited()) {
            kind = Kind.UNREAD;
            return true;
          }
          string = reader.utf8(fields.bodyStart(), fields.bodyEnd());
          if (string == null) {
            return false;
          }
          kind = Kind.STRING;
        }
        case AnyValue.INT_VALUE_FIELD_NUMBER -> {
          kind = fields.isVarint() ? Kind.INT : Kind.UNREAD;
          intValue = fields.isVarint() ? fields.varint() : 0;
        }
        case AnyValue.BOOL_VALUE_FIELD_NUMBER ->
            kind = fields.isVarint() ? Kind.OTHER_SCALAR : Kind.UNREAD;
        case AnyValue.DOUBLE_VALUE_FIELD_NUMBER ->
            kind = fields.isFixed64() ? Kind.OTHER_SCALAR : Kind.UNREAD;
        case AnyValue.BYTES_VALUE_FIELD_NUMBER ->
            kind = fields.isLengthDelimited() ? Kind.OTHER_SCALAR : Kind.UNREAD;
        default -> kind = Kind.UNREAD;
      }
    }
    return true;
  }
}
