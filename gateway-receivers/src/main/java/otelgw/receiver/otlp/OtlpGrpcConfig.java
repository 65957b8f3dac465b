package otelgw.receiver.otlp;

import java.net.InetSocketAddress;
import java.time.Duration;
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
 * @param maxHeaderListSize request metadata (headers) allowed per call, in bytes, announced to
 *     clients in {@code SETTINGS_MAX_HEADER_LIST_SIZE}; default {@value
 *     #DEFAULT_MAX_HEADER_LIST_SIZE}
 * @param maxRstFramesPerWindow HTTP/2 rapid-reset protection: a connection whose client sends more
 *     RST_STREAM frames than this within {@code rstFramesWindow} is closed with GOAWAY {@code
 *     ENHANCE_YOUR_CALM}. Default {@value #DEFAULT_MAX_RST_FRAMES_PER_WINDOW}
 * @param rstFramesWindow the window of {@code maxRstFramesPerWindow}, whole seconds; default {@link
 *     #DEFAULT_RST_FRAMES_WINDOW}
 * @param keepalive connection keepalive and its enforcement; grpc's defaults where absent
 * @param tls present to serve TLS instead of plaintext
 * @param auth present to refuse calls without the credentials its authenticator checks
 */
public record OtlpGrpcConfig(
    String endpoint,
    int maxRecvMsgSizeMib,
    int maxConcurrentStreams,
    int maxHeaderListSize,
    int maxRstFramesPerWindow,
    Duration rstFramesWindow,
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

  /**
   * {@value} bytes. grpc-java's default, 8 KiB, is tight for a large bearer token beside the usual
   * headers; 16 KiB leaves room and stays small.
   */
  public static final int DEFAULT_MAX_HEADER_LIST_SIZE = 16 << 10;

  /** {@value}: a well-behaved client cancels a handful of calls at most. */
  public static final int DEFAULT_MAX_RST_FRAMES_PER_WINDOW = 200;

  /** Ten seconds. */
  public static final Duration DEFAULT_RST_FRAMES_WINDOW = Duration.ofSeconds(10);

  // The size is held in an int of bytes.
  private static final int MAX_RECV_MSG_SIZE_MIB_LIMIT = 2047;

  public static OtlpGrpcConfig defaults() {
    return new OtlpGrpcConfig(
        DEFAULT_ENDPOINT,
        DEFAULT_MAX_RECV_MSG_SIZE_MIB,
        DEFAULT_MAX_CONCURRENT_STREAMS,
        DEFAULT_MAX_HEADER_LIST_SIZE,
        DEFAULT_MAX_RST_FRAMES_PER_WINDOW,
        DEFAULT_RST_FRAMES_WINDOW,
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
    int headerList =
        ConfigChecks.headSize(node, "max_header_list_size", DEFAULT_MAX_HEADER_LIST_SIZE);
    // Zero would turn the protection off, which a server facing the network must not do.
    int rstFrames =
        ConfigChecks.atLeastOne(
            node, "max_rst_frames_per_window", DEFAULT_MAX_RST_FRAMES_PER_WINDOW);
    Duration rstWindow = node.duration("rst_frames_window", DEFAULT_RST_FRAMES_WINDOW);
    // grpc counts the window in whole seconds.
    boolean wholeSeconds =
        rstWindow.getSeconds() >= 1
            && rstWindow.getSeconds() <= Integer.MAX_VALUE
            && rstWindow.getNano() == 0;
    node.check(wholeSeconds, "rst_frames_window", "must be whole seconds, at least 1s");
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
            "max_header_list_size",
            "max_rst_frames_per_window",
            "rst_frames_window",
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
        headerList,
        rstFrames,
        wholeSeconds ? rstWindow : DEFAULT_RST_FRAMES_WINDOW,
        keepalive,
        tls,
        auth);
  }
}
