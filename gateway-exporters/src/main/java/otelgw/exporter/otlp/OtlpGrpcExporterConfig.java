package otelgw.exporter.otlp;

import io.grpc.Metadata;
import java.time.Duration;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import otelgw.config.AuthSettings;
import otelgw.config.ConfigNode;
import otelgw.config.QueueSettings;
import otelgw.config.RetrySettings;
import otelgw.config.TlsClientSettings;

/**
 * The {@code otlp} exporter's config, with the Collector's keys and defaults.
 *
 * @param endpoint {@code host:port} (TLS unless {@code tls.insecure}), {@code http://host:port}
 *     (plaintext) or {@code https://host:port} (TLS); required
 * @param headers gRPC metadata sent with every call; the values are secrets and never logged
 * @param auth present to send its authenticator's credentials too (they win over a header of the
 *     same name)
 * @param compression {@link #DEFAULT_COMPRESSION} unless set
 * @param timeout how long one call may take, {@link #DEFAULT_TIMEOUT} unless set
 * @param tls certificates and checks for TLS connections
 * @param queue the sending queue; empty when {@code sending_queue.enabled} is false
 * @param retry retry with back-off; empty when {@code retry_on_failure.enabled} is false
 */
public record OtlpGrpcExporterConfig(
    String endpoint,
    Map<String, String> headers,
    Optional<AuthSettings> auth,
    Compression compression,
    Duration timeout,
    TlsClientSettings tls,
    Optional<QueueSettings> queue,
    Optional<RetrySettings> retry) {

  /** The Collector's exporterhelper timeout: 5 seconds. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** gzip, as the Collector. */
  public static final Compression DEFAULT_COMPRESSION = ClientKeys.DEFAULT_COMPRESSION;

  public OtlpGrpcExporterConfig {
    headers = ClientKeys.copyOf(headers);
  }

  /** Reads an {@code otlp} section, reporting every problem with its path to {@code node}. */
  static OtlpGrpcExporterConfig parse(ConfigNode node) {
    String endpoint = node.string("endpoint", "");
    ClientKeys keys = ClientKeys.parse(node, DEFAULT_TIMEOUT);
    if (endpoint.isBlank()) {
      node.error("endpoint", "'endpoint' is required");
    } else {
      try {
        GrpcTarget.of(endpoint, keys.tls());
      } catch (IllegalArgumentException e) {
        node.error("endpoint", e.getMessage());
      }
    }
    for (String name : keys.headers().keySet()) {
      checkHeaderName(node, name);
    }
    Set<String> known = new HashSet<>(ClientKeys.NAMES);
    known.add("endpoint");
    node.finish(known);
    return new OtlpGrpcExporterConfig(
        endpoint,
        keys.headers(),
        keys.auth(),
        keys.compression(),
        keys.timeout(),
        keys.tls(),
        keys.queue(),
        keys.retry());
  }

  /** The target and transport security this config connects with. */
  GrpcTarget target() {
    return GrpcTarget.of(endpoint, tls);
  }

  private static void checkHeaderName(ConfigNode node, String name) {
    String key = name.toLowerCase(Locale.ROOT);
    if (key.endsWith(Metadata.BINARY_HEADER_SUFFIX)) {
      node.error("headers", "header '" + name + "': binary ('-bin') metadata is not supported");
      return;
    }
    try {
      Metadata.Key.of(key, Metadata.ASCII_STRING_MARSHALLER);
    } catch (IllegalArgumentException e) {
      node.error("headers", "header '" + name + "' is not a valid gRPC metadata name");
    }
  }

  @Override
  public String toString() {
    return "OtlpGrpcExporterConfig[endpoint="
        + endpoint
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
