package otelgw.core.processor.attributes;

import io.opentelemetry.proto.common.v1.AnyValue;
import java.util.regex.Pattern;

/**
 * Reads a YAML scalar as the attribute value it stands for: {@code true}/{@code false} a bool, a
 * whole number an int, a decimal number a double, anything else a string. The config tree keeps
 * scalars as text, so a quoted {@code "42"} is read as the int 42 too.
 */
final class ScalarValues {

  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
  private static final Pattern DECIMAL =
      Pattern.compile("[-+]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][-+]?\\d+)?");

  private ScalarValues() {}

  static AnyValue of(String text) {
    String trimmed = text.trim();
    if (trimmed.equals("true") || trimmed.equals("false")) {
      return AnyValue.newBuilder().setBoolValue(Boolean.parseBoolean(trimmed)).build();
    }
    if (INTEGER.matcher(trimmed).matches()) {
      try {
        return AnyValue.newBuilder().setIntValue(Long.parseLong(trimmed)).build();
      } catch (NumberFormatException e) {
        // Out of range for an int: taken as a double below.
      }
    }
    if (DECIMAL.matcher(trimmed).matches()) {
      return AnyValue.newBuilder().setDoubleValue(Double.parseDouble(trimmed)).build();
    }
    return AnyValue.newBuilder().setStringValue(text).build();
  }
}
