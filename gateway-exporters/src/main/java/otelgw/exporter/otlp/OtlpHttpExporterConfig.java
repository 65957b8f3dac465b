package otelgw.exporter.otlp;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import otelgw.config.AuthSettings;
import otelgw.config.ConfigNode;
import otelgw.config.QueueSettings;
import otelgw.config.RetrySettings;
import otelgw.config.Signal;
import otelgw.config.TlsClientSettings;
import otelgw.config.UrlCredentials;

/**
 * The {@code otlphttp} exporter's config, with the Collector's keys and defaults.
 *
 * @param endpoint the base URL; each signal is sent to it plus {@code /v1/traces}, {@code
 *     /v1/metrics} or {@code /v1/logs}. Required unless all three signal URLs are set
 * @param tracesEndpoint the full URL for traces, replacing the one made from {@code endpoint}
 * @param metricsEndpoint the full URL for metrics
 * @param logsEndpoint the full URL for logs
 * @param encoding the body encoding, {@link Encoding#PROTO} unless set
 * @param headers HTTP headers sent with every request; the values are secrets and never logged
 * @param auth present to send its authenticator's credentials too (they win over a header of the
 *     same name)
 * @param compression {@link #DEFAULT_COMPRESSION} unless set
 * @param timeout how long one request may take, {@link #DEFAULT_TIMEOUT} unless set
 * @param tls certificates and checks for {@code https} URLs
 * @param queue the sending queue; empty when {@code sending_queue.enabled} is false
 * @param retry retry with back-off; empty when {@code retry_on_failure.enabled} is false
 */
public record OtlpHttpExporterConfig(
    String endpoint,
    Optional<String> tracesEndpoint,
    Optional<String> metricsEndpoint,
    Optional<String> logsEndpoint,
    Encoding encoding,
    Map<String, String> headers,
    Optional<AuthSettings> auth,
    Compression compression,
    Duration timeout,
    TlsClientSettings tls,
    Optional<QueueSettings> queue,
    Optional<RetrySettings> retry) {

  /** The Collector's {@code otlphttp} client timeout: 30 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

  /** gzip, as the Collector. */
  public static final Compression DEFAULT_COMPRESSION = ClientKeys.DEFAULT_COMPRESSION;

  public static final Encoding DEFAULT_ENCODING = Encoding.PROTO;

  public OtlpHttpExporterConfig {
    headers = ClientKeys.copyOf(headers);
  }

  /** Reads an {@code otlphttp} section, reporting every problem with its path to {@code node}. */
  static OtlpHttpExporterConfig parse(ConfigNode node) {
    String endpoint = node.string("endpoint", "");
    Optional<String> traces = url(node, "traces_endpoint");
    Optional<String> metrics = url(node, "metrics_endpoint");
    Optional<String> logs = url(node, "logs_endpoint");
    Encoding encoding = node.enumValue("encoding", DEFAULT_ENCODING);
    ClientKeys keys = ClientKeys.parse(node, DEFAULT_TIMEOUT);
    if (endpoint.isBlank()) {
      if (traces.isEmpty() || metrics.isEmpty() || logs.isEmpty()) {
        node.error(
            "endpoint",
            "'endpoint' is required unless 'traces_endpoint', 'metrics_endpoint' and"
                + " 'logs_endpoint' are all set");
      }
    } else {
      checkUrl(node, "endpoint", endpoint);
    }
    keys.headers().forEach((name, value) -> checkHeader(node, name, value));
    if (keys.tls().serverNameOverride().isPresent()) {
      node.error("tls", "'server_name_override' is not supported by otlphttp yet");
    }
    Set<String> known = new HashSet<>(ClientKeys.NAMES);
    known.addAll(
        Set.of("endpoint", "traces_endpoint", "metrics_endpoint", "logs_endpoint", "encoding"));
    node.finish(known);
    return new OtlpHttpExporterConfig(
        endpoint,
        traces,
        metrics,
        logs,
        encoding,
        keys.headers(),
        keys.auth(),
        keys.compression(),
        keys.timeout(),
        keys.tls(),
        keys.queue(),
        keys.retry());
  }

  /**
   * The URL {@code signal} is sent to: its own endpoint if set, otherwise {@code endpoint} joined
   * with {@code v1/<signal>} as the Collector joins them.
   */
  public URI url(Signal signal) {
    Optional<String> own =
        switch (signal) {
          case TRACES -> tracesEndpoint;
          case METRICS -> metricsEndpoint;
          case LOGS -> logsEndpoint;
        };
    String base = endpoint.endsWith("/") ? endpoint : endpoint + "/";
    return URI.create(own.orElse(base + "v1/" + signal.configName()));
  }

  /** The JDK client refuses reserved names (Host, Content-Length) and malformed ones at once. */
  private static void checkHeader(ConfigNode node, String name, String value) {
    try {
      HttpRequest.newBuilder().header(name, value);
    } catch (IllegalArgumentException e) {
      // Not the JDK's message: it may quote the value, which is a secret.
      node.error(
          "headers",
          "header '"
              + name
              + "' cannot be sent: its name is reserved or it has characters HTTP does not allow");
    }
  }

  private static Optional<String> url(ConfigNode node, String key) {
    Optional<String> url = node.optionalString(key).filter(u -> !u.isBlank());
    url.ifPresent(u -> checkUrl(node, key, u));
    return url;
  }

  private static void checkUrl(ConfigNode node, String key, String url) {
    String problem;
    try {
      URI uri = new URI(url);
      boolean web = "http".equals(uri.getScheme()) || "https".equals(uri.getScheme());
      problem = web && uri.getHost() != null ? null : "use http://host:port or https://host:port";
    } catch (java.net.URISyntaxException e) {
      problem = e.getReason();
    }
    if (problem != null) {
      node.error(key, "'" + UrlCredentials.mask(url) + "' is not a URL: " + problem);
    }
  }

  @Override
  public String toString() {
    return "OtlpHttpExporterConfig[endpoint="
        + UrlCredentials.mask(endpoint)
        + ", tracesEndpoint="
        + tracesEndpoint.map(UrlCredentials::mask)
        + ", metricsEndpoint="
        + metricsEndpoint.map(UrlCredentials::mask)
        + ", logsEndpoint="
        + logsEndpoint.map(UrlCredentials::mask)
        + ", encoding="
        + encoding
        + ", headers="
        + ClientKeys.masked(headers)
        + ", auth="
        + auth
        + ", compression="
        + compression
        + ", timeout="
        + timeout
        + ", tls="
        + tls
        + ", queue="
        + queue
        + ", retry="
        + retry
        + "]";
  }
}
