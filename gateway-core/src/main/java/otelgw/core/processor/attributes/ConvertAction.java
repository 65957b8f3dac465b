package otelgw.core.processor.attributes;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.math.BigDecimal;
import java.util.Base64;

/**
 * {@code convert}: changes the type of the value at {@code key} as the Collector does. To int: a
 * string is parsed (base 10), a bool is 1 or 0, a double is truncated. To double: a string is
 * parsed, a bool is 1 or 0, an int widened. To string: the value's text; bytes in base64. A value
 * that cannot be converted (an unparsable string, a map, an array) is left as it is.
 */
final class ConvertAction implements Action {

  private final String key;
  private final ConvertedType target;

  ConvertAction(ActionConfig config) {
    this.key = config.key();
    this.target = config.convertedType().orElseThrow();
  }

  @Override
  public void apply(AttributeEditor attributes) {
    int index = attributes.indexOf(key);
    if (index < 0) {
      return;
    }
    KeyValue attribute = attributes.get(index);
    AnyValue converted = convert(attribute.getValue(), target);
    if (converted != null && !converted.equals(attribute.getValue())) {
      attributes.set(index, attribute.toBuilder().setValue(converted).build());
    }
  }

  /** The converted value, or null where there is none. */
  static AnyValue convert(AnyValue value, ConvertedType target) {
    AnyValue.Builder out = AnyValue.newBuilder();
    switch (target) {
      case INT -> {
        switch (value.getValueCase()) {
          case INT_VALUE -> {
            return value;
          }
          case BOOL_VALUE -> out.setIntValue(value.getBoolValue() ? 1 : 0);
          case DOUBLE_VALUE -> out.setIntValue((long) value.getDoubleValue());
          case STRING_VALUE -> {
            try {
              out.setIntValue(Long.parseLong(value.getStringValue()));
            } catch (NumberFormatException e) {
              return null;
            }
          }
          default -> {
            return null;
          }
        }
      }
      case DOUBLE -> {
        switch (value.getValueCase()) {
          case DOUBLE_VALUE -> {
            return value;
          }
          case BOOL_VALUE -> out.setDoubleValue(value.getBoolValue() ? 1 : 0);
          case INT_VALUE -> out.setDoubleValue(value.getIntValue());
          case STRING_VALUE -> {
            try {
              out.setDoubleValue(Double.parseDouble(value.getStringValue()));
            } catch (NumberFormatException e) {
              return null;
            }
          }
          default -> {
            return null;
          }
        }
      }
      case STRING -> {
        String text =
            switch (value.getValueCase()) {
              case STRING_VALUE -> value.getStringValue();
              case BOOL_VALUE -> Boolean.toString(value.getBoolValue());
              case INT_VALUE -> Long.toString(value.getIntValue());
              case DOUBLE_VALUE -> format(value.getDoubleValue());
              case BYTES_VALUE ->
                  Base64.getEncoder().encodeToString(value.getBytesValue().toByteArray());
              default -> null;
            };
        if (text == null) {
          return null;
        }
        out.setStringValue(text);
      }
    }
    return out.build();
  }

  /**
   * A double as Go's shortest form writes it: {@code 1}, {@code 1.5}, {@code NaN}, {@code +Inf}.
   */
  private static String format(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
  }
}
