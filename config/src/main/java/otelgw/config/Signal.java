package otelgw.config;

import java.util.Optional;

/** The three OTLP signals. Each names its pipelines in YAML and its items in metrics. */
public enum Signal {
  TRACES("traces", "spans"),
  METRICS("metrics", "metric_points"),
  LOGS("logs", "log_records");

  private final String configName;
  private final String itemName;

  Signal(String configName, String itemName) {
    this.configName = configName;
    this.itemName = itemName;
  }

  /** The name pipelines use in YAML: {@code traces}, {@code metrics}, {@code logs}. */
  public String configName() {
    return configName;
  }

  /**
   * The Collector's word for one item of this signal, as metric names use it: {@code spans}, {@code
   * metric_points}, {@code log_records}.
   */
  public String itemName() {
    return itemName;
  }

  /** The signal with this YAML name, if any. */
  public static Optional<Signal> fromConfigName(String name) {
    for (Signal signal : values()) {
      if (signal.configName.equals(name)) {
        return Optional.of(signal);
      }
    }
    return Optional.empty();
  }
}
