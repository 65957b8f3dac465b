package otelgw.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One of {@code service.telemetry.metrics.readers}: the Collector's {@code periodic} reader with an
 * {@code otlp} exporter, which pushes every one of otelgw's own meters to an OTLP/HTTP endpoint.
 *
 * <pre>
 * readers:
 *   - periodic:
 *       interval: 60000          # ms
 *       timeout: 30000           # ms
 *       exporter:
 *         otlp:
 *           protocol: http/protobuf
 *           endpoint: http://127.0.0.1:4318/v1/metrics
 *           headers: { authorization: "Bearer ..." }
 *           compression: gzip    # or none
 *           temporality_preference: cumulative   # or delta
 * </pre>
 *
 * @param interval time between two pushes, {@link #DEFAULT_INTERVAL} unless set
 * @param timeout how long one push may wait for the backend, {@link #DEFAULT_TIMEOUT} unless set
 * @param endpoint the full URL the metrics are posted to, path included
 * @param headers HTTP headers sent with every push; the values are secrets and never logged
 * @param compression {@link Compression#NONE} unless set, as in the Collector's declarative config
 * @param temporality {@link Temporality#CUMULATIVE} unless set
 */
public record MetricReaderSettings(
    Duration interval,
    Duration timeout,
    URI endpoint,
    Map<String, String> headers,
    Compression compression,
    Temporality temporality) {

  /** The Collector's periodic reader interval: 60 seconds. */
  public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);

  /** The Collector's periodic reader timeout: 30 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** The one protocol supported; the Collector also knows {@code grpc} and {@code http/json}. */
  public static final String PROTOCOL = "http/protobuf";

  /** How a push's body is compressed. */
  public enum Compression {
    NONE,
    GZIP
  }

  /** Whether counters report totals since start or the change since the last push. */
  public enum Temporality {
    CUMULATIVE,
    DELTA
  }

  public MetricReaderSettings {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** Reads {@code readers}; a reader with errors is reported and left out. */
  static List<MetricReaderSettings> parseAll(ConfigNode metrics) {
    List<MetricReaderSettings> readers = new ArrayList<>();
    for (ConfigNode reader : metrics.sectionList("readers")) {
      parse(reader).ifPresent(readers::add);
    }
    return List.copyOf(readers);
  }

  private static Optional<MetricReaderSettings> parse(ConfigNode reader) {
    Optional<ConfigNode> periodic = reader.section("periodic");
    if (reader.section("pull").isPresent()) {
      reader.error(
          "pull",
          "pull readers are not supported: otelgw serves Prometheus on"
              + " service.telemetry.metrics.address");
    } else if (periodic.isEmpty()) {
      reader.error("periodic", "expected a 'periodic' reader");
    }
    reader.finish(Set.of("periodic", "pull"));
    if (periodic.isEmpty()) {
      return Optional.empty();
    }
    ConfigNode node = periodic.get();
    Duration interval = millis(node, "interval", DEFAULT_INTERVAL);
    Duration timeout = millis(node, "timeout", DEFAULT_TIMEOUT);
    Optional<ConfigNode> exporter = node.section("exporter");
    node.finish(Set.of("interval", "timeout", "exporter"));
    if (exporter.isEmpty()) {
      node.error("exporter", "'exporter' is required: add 'otlp' with an 'endpoint'");
      return Optional.empty();
    }
    Optional<ConfigNode> otlp = exporter.get().section("otlp");
    exporter.get().finish(Set.of("otlp"));
    if (otlp.isEmpty()) {
      exporter.get().error("otlp", "expected an 'otlp' exporter");
      return Optional.empty();
    }
    return otlp(otlp.get(), interval, timeout);
  }

  private static Optional<MetricReaderSettings> otlp(
      ConfigNode otlp, Duration interval, Duration timeout) {
    String protocol = otlp.string("protocol", PROTOCOL);
    otlp.check(
        protocol.equals(PROTOCOL),
        "protocol",
        "'" + protocol + "' is not supported: only " + PROTOCOL + " is supported");
    Optional<String> endpoint = otlp.optionalString("endpoint").filter(e -> !e.isBlank());
    URI url = endpoint.map(e -> url(otlp, e)).orElse(null);
    if (endpoint.isEmpty()) {
      otlp.error("endpoint", "'endpoint' is required: the full URL, such as " + example());
    }
    Map<String, String> headers = otlp.stringMap("headers");
    Compression compression = otlp.enumValue("compression", Compression.NONE);
    Temporality temporality = otlp.enumValue("temporality_preference", Temporality.CUMULATIVE);
    otlp.finish(Set.of("protocol", "endpoint", "headers", "compression", "temporality_preference"));
    // Any error stops start-up; the reader is only left out so that nothing is built from it.
    return Optional.ofNullable(url)
        .map(
            u -> new MetricReaderSettings(interval, timeout, u, headers, compression, temporality));
  }

  /** Milliseconds as in the Collector's declarative config; a duration ({@code 10s}) too. */
  private static Duration millis(ConfigNode node, String key, Duration defaultValue) {
    Optional<String> text = node.optionalString(key);
    if (text.isEmpty()) {
      return defaultValue;
    }
    Duration value;
    try {
      String trimmed = text.get().trim();
      value =
          trimmed.chars().allMatch(Character::isDigit)
              ? Duration.ofMillis(Long.parseLong(trimmed))
              : Durations.parse(trimmed);
    } catch (IllegalArgumentException | ArithmeticException e) {
      node.error(key, "expected milliseconds such as 60000, got '" + text.get() + "'");
      return defaultValue;
    }
    if (value.isZero() || value.isNegative()) {
      node.error(key, "must be more than 0");
      return defaultValue;
    }
    return value;
  }

  private static URI url(ConfigNode node, String text) {
    try {
      URI uri = new URI(text);
      boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      if (web && uri.getHost() != null) {
        return uri;
      }
    } catch (URISyntaxException e) {
      // reported below, with the accepted form
    }
    node.error("endpoint", "'" + text + "' is not a URL: use the full URL, such as " + example());
    return null;
  }

  private static String example() {
    return "http://127.0.0.1:4318/v1/metrics";
  }

  /** Header names only: their values carry credentials. */
  @Override
  public String toString() {
    return "MetricReaderSettings[interval="
        + interval
        + ", timeout="
        + timeout
        + ", endpoint="
        + endpoint
        + ", headers="
        + headers.keySet().stream().map(n -> n + "=***").collect(Collectors.joining(", ", "{", "}"))
        + ", compression="
        + compression
        + ", temporality="
        + temporality
        + "]";
  }
}
