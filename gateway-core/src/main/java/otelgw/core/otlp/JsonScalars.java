package otelgw.core.otlp;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.UnsafeByteOperations;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;

/**
 * Reads one scalar JSON value as the proto3 JSON mapping allows it, with OTLP's changes: hex ids,
 * and 64-bit integers as numbers or strings. Error reasons never quote more than a few characters
 * of the input.
 */
final class JsonScalars {
  private static final BigInteger UINT64_MAX =
      BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);
  // Long enough for any 64-bit integer or double written out in full; longer text is not a number.
  private static final int MAX_NUMBER_TEXT = 64;
  private static final long NOT_SIMPLE = Long.MIN_VALUE;

  private JsonScalars() {}

  /** The value for a field of any kind but MESSAGE and MAP, boxed as the field expects it. */
  static Object read(JsonParser p, JsonField field, JsonToken token)
      throws IOException, JsonFieldError {
    return switch (field.kind) {
      case INT32 -> (int) integer(p, token, Integer.MIN_VALUE, Integer.MAX_VALUE, "int32");
      case UINT32 -> (int) integer(p, token, 0, 0xFFFF_FFFFL, "uint32");
      case INT64 -> integer(p, token, Long.MIN_VALUE, Long.MAX_VALUE, "int64");
      case UINT64 -> unsigned64(p, token);
      case FLOAT -> floatValue(p, token);
      case DOUBLE -> doubleValue(p, token);
      case BOOL -> bool(p, token);
      case STRING -> string(p, token);
      case BYTES -> base64(p, token);
      case HEX_ID -> hexId(p, token, field.idBytes);
      case ENUM -> enumValue(p, token, field.descriptor.getEnumType());
      case MESSAGE, MAP -> throw new IllegalArgumentException("not a scalar: " + field.kind);
    };
  }

  /** A map key, which JSON always writes as a string, converted to the key field's type. */
  static Object mapKey(JsonParser p, String key, JsonField keyField) throws JsonFieldError {
    return switch (keyField.kind) {
      case STRING -> key;
      case BOOL ->
          switch (key) {
            case "true" -> true;
            case "false" -> false;
            default -> throw JsonFieldError.at(p, "has a map key that is not true or false");
          };
      case INT32 -> (int) integerText(p, key, Integer.MIN_VALUE, Integer.MAX_VALUE, "int32");
      case UINT32 -> (int) integerText(p, key, 0, 0xFFFF_FFFFL, "uint32");
      case INT64 -> integerText(p, key, Long.MIN_VALUE, Long.MAX_VALUE, "int64");
      case UINT64 -> unsigned64Text(p, key);
      default -> throw new IllegalArgumentException("not a map key type: " + keyField.kind);
    };
  }

  private static long integer(JsonParser p, JsonToken token, long min, long max, String type)
      throws IOException, JsonFieldError {
    long value;
    switch (token) {
      case VALUE_NUMBER_INT -> {
        if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
          throw outOfRange(p, type);
        }
        value = p.getLongValue();
      }
      case VALUE_NUMBER_FLOAT -> value = signed64(p, integral(p, p.getDecimalValue(), type), type);
      case VALUE_STRING -> {
        // Hot for 64-bit timestamps: parse the characters in place, without a String.
        value = simpleDecimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        if (value == NOT_SIMPLE) {
          return integerText(p, p.getText(), min, max, type);
        }
      }
      default -> throw JsonFieldError.at(p, "must be an integer (a number or a string)");
    }
    if (value < min || value > max) {
      throw outOfRange(p, type);
    }
    return value;
  }

  private static long integerText(JsonParser p, String text, long min, long max, String type)
      throws JsonFieldError {
    long value = simpleDecimal(text.toCharArray(), 0, text.length());
    if (value == NOT_SIMPLE) {
      value = signed64(p, integral(p, decimal(p, text, "must be an integer"), type), type);
    }
    if (value < min || value > max) {
      throw outOfRange(p, type);
    }
    return value;
  }

  private static long signed64(JsonParser p, BigInteger value, String type) throws JsonFieldError {
    if (value.bitLength() > 63) {
      throw outOfRange(p, type);
    }
    return value.longValue();
  }

  private static long unsigned64(JsonParser p, JsonToken token) throws IOException, JsonFieldError {
    return switch (token) {
      case VALUE_NUMBER_INT -> {
        if (p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
          long value = p.getLongValue();
          if (value < 0) {
            throw outOfRange(p, "uint64");
          }
          yield value;
        }
        yield unsigned64(p, p.getBigIntegerValue());
      }
      case VALUE_NUMBER_FLOAT -> unsigned64(p, integral(p, p.getDecimalValue(), "uint64"));
      case VALUE_STRING -> {
        long value = simpleDecimal(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
        yield value != NOT_SIMPLE && value >= 0 ? value : unsigned64Text(p, p.getText());
      }
      default -> throw JsonFieldError.at(p, "must be an integer (a number or a string)");
    };
  }

  private static long unsigned64Text(JsonParser p, String text) throws JsonFieldError {
    return unsigned64(p, integral(p, decimal(p, text, "must be an integer"), "uint64"));
  }

  private static long unsigned64(JsonParser p, BigInteger value) throws JsonFieldError {
    if (value.signum() < 0 || value.compareTo(UINT64_MAX) > 0) {
      throw outOfRange(p, "uint64");
    }
    return value.longValue();
  }

  /**
   * An optionally negative run of at most 19 ASCII digits that fits a long, or {@link #NOT_SIMPLE}
   * for any other text (which then takes the slow, exact path).
   */
  private static long simpleDecimal(char[] chars, int offset, int length) {
    boolean negative = length > 0 && chars[offset] == '-';
    int start = negative ? offset + 1 : offset;
    int end = offset + length;
    if (start == end || end - start > 19) {
      return NOT_SIMPLE;
    }
    long value = 0;
    for (int i = start; i < end; i++) {
      int digit = chars[i] - '0';
      if (digit < 0 || digit > 9 || value > (Long.MAX_VALUE - digit) / 10) {
        return NOT_SIMPLE;
      }
      value = value * 10 + digit;
    }
    return negative ? -value : value;
  }

  private static BigDecimal decimal(JsonParser p, String text, String reason)
      throws JsonFieldError {
    if (text.isEmpty() || text.length() > MAX_NUMBER_TEXT || !looksNumeric(text)) {
      throw JsonFieldError.at(p, reason);
    }
    try {
      return new BigDecimal(text);
    } catch (NumberFormatException e) {
      throw JsonFieldError.at(p, reason);
    }
  }

  /** The exact integer value of a decimal such as 1e3 or 5.0; guards huge exponents first. */
  private static BigInteger integral(JsonParser p, BigDecimal value, String type)
      throws JsonFieldError {
    if (value.signum() == 0) {
      return BigInteger.ZERO;
    }
    BigDecimal stripped = value.stripTrailingZeros();
    if (stripped.scale() > 0) {
      throw JsonFieldError.at(p, "must be an integer, not a fraction");
    }
    if (stripped.precision() - stripped.scale() > 20) {
      throw outOfRange(p, type);
    }
    return stripped.toBigIntegerExact();
  }

  private static float floatValue(JsonParser p, JsonToken token)
      throws IOException, JsonFieldError {
    double value = doubleValue(p, token);
    if (Double.isFinite(value) && Math.abs(value) > Float.MAX_VALUE) {
      throw outOfRange(p, "float");
    }
    return (float) value;
  }

  private static double doubleValue(JsonParser p, JsonToken token)
      throws IOException, JsonFieldError {
    double value;
    switch (token) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> value = p.getDoubleValue();
      case VALUE_STRING -> {
        String text = p.getText();
        switch (text) {
          case "NaN" -> {
            return Double.NaN;
          }
          case "Infinity" -> {
            return Double.POSITIVE_INFINITY;
          }
          case "-Infinity" -> {
            return Double.NEGATIVE_INFINITY;
          }
          default -> value = decimal(p, text, "must be a number").doubleValue();
        }
      }
      default -> throw JsonFieldError.at(p, "must be a number");
    }
    if (Double.isInfinite(value)) {
      throw outOfRange(p, "double");
    }
    return value;
  }

  private static boolean looksNumeric(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E')) {
        return false;
      }
    }
    return true;
  }

  private static boolean bool(JsonParser p, JsonToken token) throws IOException, JsonFieldError {
    return switch (token) {
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      case VALUE_STRING ->
          switch (p.getText()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw JsonFieldError.at(p, "must be true or false");
          };
      default -> throw JsonFieldError.at(p, "must be true or false");
    };
  }

  private static String string(JsonParser p, JsonToken token) throws IOException, JsonFieldError {
    if (token != JsonToken.VALUE_STRING) {
      throw JsonFieldError.at(p, "must be a string");
    }
    return p.getText();
  }

  private static ByteString base64(JsonParser p, JsonToken token)
      throws IOException, JsonFieldError {
    String text = string(p, token);
    // Proto3 JSON accepts standard and URL-safe base64, padded or not.
    Base64.Decoder decoder =
        text.indexOf('-') >= 0 || text.indexOf('_') >= 0
            ? Base64.getUrlDecoder()
            : Base64.getDecoder();
    try {
      return UnsafeByteOperations.unsafeWrap(decoder.decode(text));
    } catch (IllegalArgumentException e) {
      throw JsonFieldError.at(p, "must be base64");
    }
  }

  private static ByteString hexId(JsonParser p, JsonToken token, int idBytes)
      throws IOException, JsonFieldError {
    if (token != JsonToken.VALUE_STRING) {
      throw JsonFieldError.at(p, "must be a string of " + idBytes * 2 + " hex characters");
    }
    int length = p.getTextLength();
    if (length == 0) {
      return ByteString.EMPTY;
    }
    if (length != idBytes * 2) {
      throw JsonFieldError.at(
          p, "must be " + idBytes * 2 + " hex characters, found " + length + " characters");
    }
    byte[] id = HexIds.decode(p.getTextCharacters(), p.getTextOffset(), length);
    if (id == null) {
      throw JsonFieldError.at(p, "must be hex (0-9, a-f), found another character");
    }
    return UnsafeByteOperations.unsafeWrap(id);
  }

  private static EnumValueDescriptor enumValue(JsonParser p, JsonToken token, EnumDescriptor type)
      throws IOException, JsonFieldError {
    if (token == JsonToken.VALUE_STRING) {
      // The spec says senders must use integers; names are accepted as protobuf's parsers do.
      String text = p.getText();
      EnumValueDescriptor named = type.findValueByName(text);
      if (named != null) {
        return named;
      }
      if (simpleDecimal(text.toCharArray(), 0, text.length()) == NOT_SIMPLE) {
        // The name is not quoted back: error messages never echo request content.
        throw JsonFieldError.at(p, "is not a name of enum " + type.getName());
      }
    }
    int number = (int) integer(p, token, Integer.MIN_VALUE, Integer.MAX_VALUE, "an enum");
    EnumValueDescriptor value = type.findValueByNumber(number);
    if (value != null) {
      return value;
    }
    if (type.isClosed()) {
      throw JsonFieldError.at(p, "is not a number of enum " + type.getName());
    }
    // Proto3 enums are open: keep numbers from newer senders, as the binary parser does.
    return type.findValueByNumberCreatingIfUnknown(number);
  }

  private static JsonFieldError outOfRange(JsonParser p, String type) {
    return JsonFieldError.at(p, "is out of range for " + type);
  }
}
