package otelgw.exporter.debug;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * How the debug exporter writes the values all signals share: attributes and {@code AnyValue}s,
 * ids, timestamps, durations and plurals. One place, so the three signals read alike.
 */
final class ValueText {

  private static final HexFormat HEX = HexFormat.of();

  private ValueText() {}

  /** {@code {key="text", count=3}}; {@code {}} when empty. */
  static String attributes(List<KeyValue> attributes) {
    StringBuilder text = new StringBuilder("{");
    for (KeyValue attribute : attributes) {
      if (text.length() > 1) {
        text.append(", ");
      }
      text.append(attribute.getKey()).append('=');
      append(text, attribute.getValue());
    }
    return text.append('}').toString();
  }

  /** Strings quoted, bytes in base64, arrays in brackets, maps in braces. */
  static String value(AnyValue value) {
    StringBuilder text = new StringBuilder();
    append(text, value);
    return text.toString();
  }

  private static void append(StringBuilder text, AnyValue value) {
    switch (value.getValueCase()) {
      case STRING_VALUE -> quote(text, value.getStringValue());
      case BOOL_VALUE -> text.append(value.getBoolValue());
      case INT_VALUE -> text.append(value.getIntValue());
      case DOUBLE_VALUE -> text.append(value.getDoubleValue());
      case BYTES_VALUE ->
          text.append("base64:")
              .append(Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray()));
      case ARRAY_VALUE -> {
        text.append('[');
        List<AnyValue> items = value.getArrayValue().getValuesList();
        for (int i = 0; i < items.size(); i++) {
          if (i > 0) {
            text.append(", ");
          }
          append(text, items.get(i));
        }
        text.append(']');
      }
      case KVLIST_VALUE -> text.append(attributes(value.getKvlistValue().getValuesList()));
      case STRING_VALUE_STRINDEX -> text.append("strindex:").append(value.getStringValueStrindex());
      case VALUE_NOT_SET -> text.append("null");
    }
  }

  private static void quote(StringBuilder text, String value) {
    text.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> text.append("\\\"");
        case '\\' -> text.append("\\\\");
        case '\n' -> text.append("\\n");
        case '\r' -> text.append("\\r");
        case '\t' -> text.append("\\t");
        default -> text.append(c);
      }
    }
    text.append('"');
  }

  /** A trace or span id in lower-case hex; empty for an absent id. */
  static String hex(ByteString id) {
    return HEX.formatHex(id.toByteArray());
  }

  /** An ISO-8601 UTC time with nanoseconds; {@code unset} for 0. */
  static String time(long unixNanos) {
    if (unixNanos == 0) {
      return "unset";
    }
    return Instant.ofEpochSecond(0, unixNanos).toString();
  }

  /** A readable duration: {@code 850ns}, {@code 12.5µs}, {@code 12.5ms}, {@code 1.25s}. */
  static String duration(long nanos) {
    if (nanos < 1_000) {
      return nanos + "ns";
    }
    if (nanos < 1_000_000) {
      return decimal(nanos / 1e3) + "µs";
    }
    if (nanos < 1_000_000_000) {
      return decimal(nanos / 1e6) + "ms";
    }
    return decimal(nanos / 1e9) + "s";
  }

  /** {@code 1 span}, {@code 3 spans}: {@code plural} is the word for many. */
  static String count(long count, String one, String plural) {
    return count + " " + (count == 1 ? one : plural);
  }

  /** A number without a trailing {@code .0}: {@code 3}, {@code 2.5}. */
  static String number(double value) {
    return value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value)
        : Double.toString(value);
  }

  private static String decimal(double value) {
    String text = String.format(Locale.ROOT, "%.2f", value);
    int end = text.length();
    while (text.charAt(end - 1) == '0') {
      end--; // 12.50 -> 12.5
    }
    return text.charAt(end - 1) == '.' ? text.substring(0, end - 1) : text.substring(0, end);
  }
}
