package otelgw.exporter.otlp;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import otelgw.config.AuthSettings;
import otelgw.config.ConfigNode;
import otelgw.config.QueueSettings;
import otelgw.config.RetrySettings;
import otelgw.config.TlsClientSettings;

/**
 * The keys both OTLP exporters share, read in one place so that they mean the same in {@code otlp}
 * and {@code otlphttp}. The Collector enables the queue and retry unless told otherwise, so an
 * absent {@code sending_queue} or {@code retry_on_failure} is the default block, not none.
 */
record ClientKeys(
    Map<String, String> headers,
    Optional<AuthSettings> auth,
    Compression compression,
    Duration timeout,
    TlsClientSettings tls,
    Optional<QueueSettings> queue,
    Optional<RetrySettings> retry) {

  static final Set<String> NAMES =
      Set.of(
          "headers", "auth", "compression", "timeout", "tls", "sending_queue", "retry_on_failure");

  static final Compression DEFAULT_COMPRESSION = Compression.GZIP;

  static ClientKeys parse(ConfigNode node, Duration defaultTimeout) {
    Map<String, String> headers = node.stringMap("headers");
    Optional<AuthSettings> auth = node.section("auth").flatMap(AuthSettings::parse);
    Compression compression = Compression.parse(node, "compression", DEFAULT_COMPRESSION);
    Duration timeout = node.duration("timeout", defaultTimeout);
    node.check(!timeout.isNegative() && !timeout.isZero(), "timeout", "must be greater than 0");
    TlsClientSettings tls = TlsClientSettings.parse(node.sectionOrEmpty("tls"));
    Optional<QueueSettings> queue = QueueSettings.parse(node.sectionOrEmpty("sending_queue"));
    Optional<RetrySettings> retry = RetrySettings.parse(node.sectionOrEmpty("retry_on_failure"));
    return new ClientKeys(headers, auth, compression, timeout, tls, queue, retry);
  }

  /** An ordered, unmodifiable copy, for the records' compact constructors. */
  static Map<String, String> copyOf(Map<String, String> headers) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }

  /** Header names with their values masked: header values carry credentials. */
  static String masked(Map<String, String> headers) {
    return headers.keySet().stream()
        .map(name -> name + "=***")
        .collect(Collectors.joining(", ", "{", "}"));
  }
}
