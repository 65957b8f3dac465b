package otelgw.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code service.telemetry}: where otelgw publishes its own metrics and how it logs.
 *
 * @param metricsAddress host:port of the Prometheus {@code /metrics} and status endpoint, or empty
 *     when {@code level: none} turns self-metrics off
 * @param logLevel the root log level, {@code info} by default
 * @param logEncoding {@code console} (default) or {@code json}
 */
public record TelemetrySettings(
    Optional<String> metricsAddress, String logLevel, LogEncoding logEncoding) {

  public static final String DEFAULT_METRICS_ADDRESS = "127.0.0.1:8888";
  public static final String DEFAULT_LOG_LEVEL = "info";

  // A list, not a set: the error message names them, in this order, on every run.
  private static final List<String> LEVELS = List.of("trace", "debug", "info", "warn", "error");

  /** How log lines are written. */
  public enum LogEncoding {
    CONSOLE,
    JSON
  }

  public static TelemetrySettings defaults() {
    return new TelemetrySettings(
        Optional.of(DEFAULT_METRICS_ADDRESS), DEFAULT_LOG_LEVEL, LogEncoding.CONSOLE);
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
    metrics.finish(Set.of("level", "address"));

    ConfigNode logs = node.sectionOrEmpty("logs");
    String logLevel = logs.string("level", DEFAULT_LOG_LEVEL).toLowerCase();
    logs.check(LEVELS.contains(logLevel), "level", "expected one of " + String.join(", ", LEVELS));
    LogEncoding encoding = logs.enumValue("encoding", LogEncoding.CONSOLE);
    logs.finish(Set.of("level", "encoding"));
    node.finish(Set.of("metrics", "logs"));
    return new TelemetrySettings(
        level.equals("none") ? Optional.empty() : Optional.of(address), logLevel, encoding);
  }
}
