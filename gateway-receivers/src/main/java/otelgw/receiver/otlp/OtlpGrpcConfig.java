package otelgw.receiver.otlp;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.Set;
import otelgw.config.AuthSettings;
import otelgw.config.ConfigNode;
import otelgw.config.Endpoints;
import otelgw.config.TlsServerSettings;

/**
 * The receiver's {@code protocols.grpc} block.
 *
 * @param endpoint {@code host:port} to listen on; default {@value #DEFAULT_ENDPOINT}
 * @param maxRecvMsgSizeMib the largest request accepted, in MiB, measured after decompression;
 *     larger ones are answered {@code RESOURCE_EXHAUSTED}. Default {@value
 *     #DEFAULT_MAX_RECV_MSG_SIZE_MIB}; 0 in YAML means the default, as in the Collector
 * @param maxConcurrentStreams calls one connection may have open at once; default {@value
 *     #DEFAULT_MAX_CONCURRENT_STREAMS}. 0 in YAML, which in the Collector means grpc's unlimited
 *     default, takes otelgw's bounded default instead
 * @param keepalive connection keepalive and its enforcement; grpc's defaults where absent
 * @param tls present to serve TLS instead of plaintext
 * @param auth present to refuse calls without the credentials its authenticator checks
 */
public record OtlpGrpcConfig(
    String endpoint,
    int maxRecvMsgSizeMib,
    int maxConcurrentStreams,
    GrpcKeepaliveConfig keepalive,
    Optional<TlsServerSettings> tls,
    Optional<AuthSettings> auth) {

  public static final String DEFAULT_ENDPOINT = "127.0.0.1:4317";

  /** grpc's own default, which OTLP clients expect: {@value} MiB. */
  public static final int DEFAULT_MAX_RECV_MSG_SIZE_MIB = 4;

  /**
   * {@value}: far above what an SDK or a Collector's exporter queue uses on one connection, and low
   * enough that one client cannot open unbounded work.
   */
  public static final int DEFAULT_MAX_CONCURRENT_STREAMS = 100;

  // The size is held in an int of bytes.
  private static final int MAX_RECV_MSG_SIZE_MIB_LIMIT = 2047;

  public static OtlpGrpcConfig defaults() {
    return new OtlpGrpcConfig(
        DEFAULT_ENDPOINT,
        DEFAULT_MAX_RECV_MSG_SIZE_MIB,
        DEFAULT_MAX_CONCURRENT_STREAMS,
        GrpcKeepaliveConfig.defaults(),
        Optional.empty(),
        Optional.empty());
  }

  /** The endpoint as an unresolved address. */
  public InetSocketAddress address() {
    return Endpoints.parse(endpoint);
  }

  /** {@link #maxRecvMsgSizeMib} in bytes. */
  public int maxRecvMsgSizeBytes() {
    return maxRecvMsgSizeMib << 20;
  }

  static OtlpGrpcConfig parse(ConfigNode node) {
    String endpoint = node.string("endpoint", DEFAULT_ENDPOINT);
    Endpoints.check(node, "endpoint", endpoint);
    int maxRecv = node.integer("max_recv_msg_size_mib", DEFAULT_MAX_RECV_MSG_SIZE_MIB);
    node.check(
        maxRecv >= 0 && maxRecv <= MAX_RECV_MSG_SIZE_MIB_LIMIT,
        "max_recv_msg_size_mib",
        "must be from 1 to " + MAX_RECV_MSG_SIZE_MIB_LIMIT + " (MiB), or 0 for the default");
    int streams = node.integer("max_concurrent_streams", DEFAULT_MAX_CONCURRENT_STREAMS);
    node.check(streams >= 0, "max_concurrent_streams", "must not be negative");
    GrpcKeepaliveConfig keepalive =
        node.section("keepalive")
            .map(GrpcKeepaliveConfig::parse)
            .orElseGet(GrpcKeepaliveConfig::defaults);
    Optional<TlsServerSettings> tls = node.section("tls").map(TlsServerSettings::parse);
    Optional<AuthSettings> auth = node.section("auth").flatMap(AuthSettings::parse);
    ConfigChecks.ignored(node, "include_metadata");
    node.finish(
        Set.of(
            "endpoint",
            "max_recv_msg_size_mib",
            "max_concurrent_streams",
            "keepalive",
            "tls",
            "auth",
            "include_metadata"));
    return new OtlpGrpcConfig(
        endpoint,
        maxRecv <= 0 || maxRecv > MAX_RECV_MSG_SIZE_MIB_LIMIT
            ? DEFAULT_MAX_RECV_MSG_SIZE_MIB
            : maxRecv,
        streams <= 0 ? DEFAULT_MAX_CONCURRENT_STREAMS : streams,
        keepalive,
        tls,
        auth);
  }
}
