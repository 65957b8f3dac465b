package otelgw.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code service.telemetry}: where otelgw publishes its own metrics and how it logs.
 *
 * <p>{@code metrics.level} is {@code none}, {@code basic}, {@code normal} (default) or {@code
 * detailed}. {@code none} turns every self-metric output off: the endpoint and the readers. The
 * other three are accepted so that Collector configs run unchanged, and are the same: otelgw has
 * one set of meters, all of them low-cardinality.
 *
 * @param metricsAddress host:port of the Prometheus {@code /metrics} and status endpoint, or empty
 *     when {@code level: none} turns self-metrics off
 * @param metricReaders where the same meters are pushed over OTLP ({@code metrics.readers}); empty
 *     by default and with {@code level: none}
 * @param logLevel the root log level, {@code info} by default
 * @param logEncoding {@code console} (default) or {@code json}
 */
public record TelemetrySettings(
    Optional<String> metricsAddress,
    List<MetricReaderSettings> metricReaders,
    String logLevel,
    LogEncoding logEncoding) {

  public static final String DEFAULT_METRICS_ADDRESS = "127.0.0.1:8888";
  public static final String DEFAULT_LOG_LEVEL = "info";

  // A list, not a set: the error message names them, in this order, on every run.
  private static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error");

  /** How log lines are written. */
  public enum LogEncoding {
    CONSOLE,
    JSON
  }

  public TelemetrySettings {
    metricReaders = List.copyOf(metricReaders);
  }

  public static TelemetrySettings defaults() {
    return new TelemetrySettings(
        Optional.of(DEFAULT_METRICS_ADDRESS), List.of(), DEFAULT_LOG_LEVEL, LogEncoding.CONSOLE);
  }

  static TelemetrySettings parse(ConfigNode node) {
    ConfigNode metrics = node.sectionOrEmpty("metrics");
    String level = metrics.string("level", "normal");
    metrics.check(
        Set.of("none", "basic", "normal", "detailed").contains(level),
        "level",
        "expected one of none, basic, normal, detailed");
    String address = metrics.string("address", DEFAULT_METRICS_ADDRESS);
    Endpoints.check(metrics, "address", address);
    List<MetricReaderSettings> readers = MetricReaderSettings.parseAll(metrics);
    boolean off = level.equals("none");
    if (off && !readers.isEmpty()) {
      metrics.warning("readers", "ignored: 'level: none' turns self-metrics off");
    }
    metrics.finish(Set.of("level", "address", "readers"));

    ConfigNode logs = node.sectionOrEmpty("logs");
    String logLevel = logs.string("level", DEFAULT_LOG_LEVEL).toLowerCase();
    logs.check(LEVELS.contains(logLevel), "level", "expected one of " + String.join(", ", LEVELS));
    LogEncoding encoding = logs.enumValue("encoding", LogEncoding.CONSOLE);
    logs.finish(Set.of("level", "encoding"));
    node.finish(Set.of("metrics", "logs"));
    return new TelemetrySettings(
        off ? Optional.empty() : Optional.of(address),
        off ? List.of() : readers,
        logLevel,
        encoding);
  }
}
