package otelgw.receiver.otlp;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import otelgw.config.AuthSettings;
import otelgw.config.ConfigNode;
import otelgw.config.Endpoints;
import otelgw.config.Signal;
import otelgw.config.TlsServerSettings;
import otelgw.core.otlp.OtlpJsonOptions;

/**
 * The receiver's {@code protocols.http} block.
 *
 * @param endpoint {@code host:port} to listen on; default {@value #DEFAULT_ENDPOINT}
 * @param maxRequestBodySize the largest request body accepted, in bytes, both as sent and once
 *     decompressed; larger ones are answered 413. Default {@link #DEFAULT_MAX_REQUEST_BODY_SIZE}
 *     (20 MiB); YAML takes a number of bytes or a size such as {@code 4MiB}
 * @param tracesUrlPath where traces are posted; default {@value #DEFAULT_TRACES_URL_PATH}
 * @param metricsUrlPath where metrics are posted; default {@value #DEFAULT_METRICS_URL_PATH}
 * @param logsUrlPath where logs are posted; default {@value #DEFAULT_LOGS_URL_PATH}
 * @param tls present to serve HTTPS instead of plaintext
 * @param auth present to refuse requests without the credentials its authenticator checks
 * @param readTimeout how long a request may take to arrive, head and body, from its first byte; a
 *     slower one (slowloris) is dropped with its connection. Default {@link #DEFAULT_READ_TIMEOUT}
 * @param idleTimeout how long a kept-alive connection may wait for its next request; default {@link
 *     #DEFAULT_IDLE_TIMEOUT}, as the Collector
 * @param maxConnections connections open at once; one more is closed as soon as it is accepted.
 *     Default {@value #DEFAULT_MAX_CONNECTIONS}. About, not exact: connections accepted at the same
 *     moment may pass it by a few
 * @param maxRequestLineSize the longest request line accepted, in bytes; a longer one is answered
 *     431. Default {@value #DEFAULT_MAX_REQUEST_LINE_SIZE}
 * @param maxHeaderSize the most header bytes accepted; more are answered 431. Default {@value
 *     #DEFAULT_MAX_HEADER_SIZE}, room for large bearer tokens
 * @param maxJsonNestingDepth the deepest nesting of JSON objects and arrays accepted in an
 *     OTLP/JSON body, the top-level object counting as 1; a deeper one is answered 400. From 1 to
 *     the default, {@value #DEFAULT_MAX_JSON_NESTING_DEPTH}
 */
public record OtlpHttpConfig(
    String endpoint,
    int maxRequestBodySize,
    String tracesUrlPath,
    String metricsUrlPath,
    String logsUrlPath,
    Optional<TlsServerSettings> tls,
    Optional<AuthSettings> auth,
    Duration readTimeout,
    Duration idleTimeout,
    int maxConnections,
    int maxRequestLineSize,
    int maxHeaderSize,
    int maxJsonNestingDepth) {

  public static final String DEFAULT_ENDPOINT = "127.0.0.1:4318";

  /** The Collector's default: 20 MiB. */
  public static final int DEFAULT_MAX_REQUEST_BODY_SIZE = 20 << 20;

  /** One minute, from a request's first byte to its last. */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(1);

  /** One minute, as the Collector's {@code idle_timeout}. */
  public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(1);

  /**
   * {@value}: plenty for SDKs and gateways in front of one otelgw, and a bound on what idle or slow
   * connections can hold.
   */
  public static final int DEFAULT_MAX_CONNECTIONS = 4096;

  /** {@value} bytes, far more than an OTLP path needs. */
  public static final int DEFAULT_MAX_REQUEST_LINE_SIZE = 4 << 10;

  /** {@value} bytes. */
  public static final int DEFAULT_MAX_HEADER_SIZE = 16 << 10;

  /**
   * {@value}, also the most: a typical request nests about 12 levels, plus 3 per level of nested
   * attribute values, so this keeps what a JSON body can hold within the depth protobuf parses.
   */
  public static final int DEFAULT_MAX_JSON_NESTING_DEPTH = OtlpJsonOptions.DEFAULT_MAX_DEPTH;

  public static final String DEFAULT_TRACES_URL_PATH = "/v1/traces";
  public static final String DEFAULT_METRICS_URL_PATH = "/v1/metrics";
  public static final String DEFAULT_LOGS_URL_PATH = "/v1/logs";

  // Bodies are held in one array, and arrays stop a little short of Integer.MAX_VALUE.
  private static final long MAX_BODY_SIZE_LIMIT = Integer.MAX_VALUE - 16;

  public static OtlpHttpConfig defaults() {
    return new OtlpHttpConfig(
        DEFAULT_ENDPOINT,
        DEFAULT_MAX_REQUEST_BODY_SIZE,
        DEFAULT_TRACES_URL_PATH,
        DEFAULT_METRICS_URL_PATH,
        DEFAULT_LOGS_URL_PATH,
        Optional.empty(),
        Optional.empty(),
        DEFAULT_READ_TIMEOUT,
        DEFAULT_IDLE_TIMEOUT,
        DEFAULT_MAX_CONNECTIONS,
        DEFAULT_MAX_REQUEST_LINE_SIZE,
        DEFAULT_MAX_HEADER_SIZE,
        DEFAULT_MAX_JSON_NESTING_DEPTH);
  }

  /** The limits of OTLP/JSON decoding. */
  OtlpJsonOptions jsonOptions() {
    return new OtlpJsonOptions(maxJsonNestingDepth);
  }

  /** The endpoint as an unresolved address. */
  public InetSocketAddress address() {
    return Endpoints.parse(endpoint);
  }

  /** The path {@code signal} is posted to. */
  public String urlPath(Signal signal) {
    return switch (signal) {
      case TRACES -> tracesUrlPath;
      case METRICS -> metricsUrlPath;
      case LOGS -> logsUrlPath;
    };
  }

  static OtlpHttpConfig parse(ConfigNode node) {
    String endpoint = node.string("endpoint", DEFAULT_ENDPOINT);
    Endpoints.check(node, "endpoint", endpoint);
    long maxBody = node.bytes("max_request_body_size", DEFAULT_MAX_REQUEST_BODY_SIZE);
    node.check(
        maxBody > 0 && maxBody <= MAX_BODY_SIZE_LIMIT,
        "max_request_body_size",
        "must be from 1 byte to 2GiB");
    Set<String> paths = new HashSet<>();
    String traces = urlPath(node, "traces_url_path", DEFAULT_TRACES_URL_PATH, paths);
    String metrics = urlPath(node, "metrics_url_path", DEFAULT_METRICS_URL_PATH, paths);
    String logs = urlPath(node, "logs_url_path", DEFAULT_LOGS_URL_PATH, paths);
    Optional<TlsServerSettings> tls = node.section("tls").map(TlsServerSettings::parse);
    Optional<AuthSettings> auth = node.section("auth").flatMap(AuthSettings::parse);
    Duration readTimeout = positive(node, "read_timeout", DEFAULT_READ_TIMEOUT);
    Duration idleTimeout = positive(node, "idle_timeout", DEFAULT_IDLE_TIMEOUT);
    int maxConnections = ConfigChecks.atLeastOne(node, "max_connections", DEFAULT_MAX_CONNECTIONS);
    int maxLine =
        ConfigChecks.headSize(node, "max_request_line_size", DEFAULT_MAX_REQUEST_LINE_SIZE);
    int maxHeader = ConfigChecks.headSize(node, "max_header_size", DEFAULT_MAX_HEADER_SIZE);
    int jsonDepth = node.integer("max_json_nesting_depth", DEFAULT_MAX_JSON_NESTING_DEPTH);
    boolean jsonDepthOk = jsonDepth >= 1 && jsonDepth <= DEFAULT_MAX_JSON_NESTING_DEPTH;
    node.check(
        jsonDepthOk,
        "max_json_nesting_depth",
        "must be from 1 to " + DEFAULT_MAX_JSON_NESTING_DEPTH);
    ConfigChecks.notSupportedYet(node, "cors");
    ConfigChecks.ignored(node, "include_metadata");
    node.finish(
        Set.of(
            "endpoint",
            "max_request_body_size",
            "traces_url_path",
            "metrics_url_path",
            "logs_url_path",
            "tls",
            "auth",
            "read_timeout",
            "idle_timeout",
            "max_connections",
            "max_request_line_size",
            "max_header_size",
            "max_json_nesting_depth",
            "cors",
            "include_metadata"));
    int body =
        maxBody > 0 && maxBody <= MAX_BODY_SIZE_LIMIT
            ? (int) maxBody
            : DEFAULT_MAX_REQUEST_BODY_SIZE;
    return new OtlpHttpConfig(
        endpoint,
        body,
        traces,
        metrics,
        logs,
        tls,
        auth,
        readTimeout,
        idleTimeout,
        maxConnections,
        maxLine,
        maxHeader,
        jsonDepthOk ? jsonDepth : DEFAULT_MAX_JSON_NESTING_DEPTH);
  }

  // Zero would mean "no limit", which a server facing the network must not have.
  private static Duration positive(ConfigNode node, String key, Duration defaultValue) {
    Duration value = node.duration(key, defaultValue);
    node.check(!value.isNegative() && !value.isZero(), key, "must be greater than 0, such as 30s");
    return value.isNegative() || value.isZero() ? defaultValue : value;
  }

  // The Collector adds a missing leading '/', so configs written for it work unchanged.
  private static String urlPath(ConfigNode node, String key, String defaultPath, Set<String> seen) {
    String path = node.string(key, defaultPath).trim();
    if (!path.startsWith("/")) {
      path = "/" + path;
    }
    node.check(
        path.indexOf('?') < 0 && path.indexOf('#') < 0, key, "must be a path, with no query");
    node.check(seen.add(path), key, "'" + path + "' is already the path of another signal");
    return path;
  }
}
