package otelgw.receiver.otlp;

import java.util.Optional;
import java.util.Set;
import otelgw.config.ConfigNode;
import otelgw.core.otlp.WireDepth;

/**
 * The {@code otlp} receiver's config: which protocols it serves, each present when enabled. A
 * protocol named with no settings ({@code grpc:}) is enabled with its defaults, as in the
 * Collector; at least one must be named.
 *
 * @param grpc OTLP/gRPC, by default on {@value OtlpGrpcConfig#DEFAULT_ENDPOINT}
 * @param http OTLP/HTTP, by default on {@value OtlpHttpConfig#DEFAULT_ENDPOINT}
 * @param maxNestingDepth the deepest nesting of messages (attribute values within values, groups
 *     within groups) accepted in a protobuf request over either protocol; a deeper one is refused
 *     as malformed. From 1 to the default, {@value #DEFAULT_MAX_NESTING_DEPTH}. OTLP/JSON has its
 *     own limit, counted in JSON levels
 */
public record OtlpReceiverConfig(
    Optional<OtlpGrpcConfig> grpc, Optional<OtlpHttpConfig> http, int maxNestingDepth) {

  /**
   * {@value}, protobuf-java's own limit, which is also the most: a request nested deeper would be
   * acknowledged and then fail to parse in a pipeline.
   */
  public static final int DEFAULT_MAX_NESTING_DEPTH = WireDepth.MAX_DEPTH;

  /** Both protocols with their defaults, as the Collector's default config has them. */
  public static OtlpReceiverConfig defaults() {
    return new OtlpReceiverConfig(
        Optional.of(OtlpGrpcConfig.defaults()),
        Optional.of(OtlpHttpConfig.defaults()),
        DEFAULT_MAX_NESTING_DEPTH);
  }

  /** Reads the receiver's section; see {@link otelgw.core.component.Factory#parseConfig}. */
  public static OtlpReceiverConfig parse(ConfigNode node) {
    ConfigNode protocols = node.sectionOrEmpty("protocols");
    Optional<OtlpGrpcConfig> grpc = protocols.section("grpc").map(OtlpGrpcConfig::parse);
    Optional<OtlpHttpConfig> http = protocols.section("http").map(OtlpHttpConfig::parse);
    protocols.finish(Set.of("grpc", "http"));
    node.check(
        grpc.isPresent() || http.isPresent(),
        "protocols",
        "must specify at least one protocol under 'protocols': grpc, http or both");
    int depth = node.integer("max_nesting_depth", DEFAULT_MAX_NESTING_DEPTH);
    boolean depthOk = depth >= 1 && depth <= DEFAULT_MAX_NESTING_DEPTH;
    node.check(
        depthOk,
        "max_nesting_depth",
        "must be from 1 to " + DEFAULT_MAX_NESTING_DEPTH + ", which protobuf-java parses");
    node.finish(Set.of("protocols", "max_nesting_depth"));
    return new OtlpReceiverConfig(grpc, http, depthOk ? depth : DEFAULT_MAX_NESTING_DEPTH);
  }
}
