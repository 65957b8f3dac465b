package otelgw.receiver.otlp;

import java.util.Optional;
import java.util.Set;
import otelgw.config.ConfigNode;

/**
 * The {@code otlp} receiver's config: which protocols it serves, each present when enabled. A
 * protocol named with no settings ({@code grpc:}) is enabled with its defaults, as in the
 * Collector; at least one must be named.
 *
 * @param grpc OTLP/gRPC, by default on {@value OtlpGrpcConfig#DEFAULT_ENDPOINT}
 * @param http OTLP/HTTP, by default on {@value OtlpHttpConfig#DEFAULT_ENDPOINT}
 */
public record OtlpReceiverConfig(Optional<OtlpGrpcConfig> grpc, Optional<OtlpHttpConfig> http) {

  /** Both protocols with their defaults, as the Collector's default config has them. */
  public static OtlpReceiverConfig defaults() {
    return new OtlpReceiverConfig(
        Optional.of(OtlpGrpcConfig.defaults()), Optional.of(OtlpHttpConfig.defaults()));
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
    node.finish(Set.of("protocols"));
    return new OtlpReceiverConfig(grpc, http);
  }
}
