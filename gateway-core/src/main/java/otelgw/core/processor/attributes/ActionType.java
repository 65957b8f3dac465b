package otelgw.core.processor.attributes;

import java.util.Locale;
import java.util.Optional;

/** What an attributes action does, with the Collector's names (any case in config). */
public enum ActionType {
  /** Adds the attribute where the key is absent. */
  INSERT,
  /** Replaces the value where the key is present. */
  UPDATE,
  /** Adds or replaces. */
  UPSERT,
  /** Removes the attribute {@code key}, and every attribute whose key matches {@code pattern}. */
  DELETE,
  /**
   * Replaces the value by the hex SHA-256 of it, for {@code key} and keys matching {@code pattern}.
   */
  HASH,
  /** Adds an attribute per named group of {@code pattern} matched in the string at {@code key}. */
  EXTRACT,
  /** Converts the value at {@code key} to {@code converted_type} where it can. */
  CONVERT;

  public String configName() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<ActionType> byName(String name) {
    for (ActionType type : values()) {
      if (type.configName().equalsIgnoreCase(name.trim())) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
