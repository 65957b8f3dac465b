package otelgw.core.processor.attributes;

import java.util.Locale;
import java.util.Optional;

/** The target type of a {@code convert} action. */
public enum ConvertedType {
  INT,
  DOUBLE,
  STRING;

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<ConvertedType> byName(String name) {
    for (ConvertedType type : values()) {
      if (type.configName().equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
