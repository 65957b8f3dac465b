package otelgw.receiver.otlp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import otelgw.config.AuthSettings;
import otelgw.config.ByteSizes;
import otelgw.config.ConfigNode;
import otelgw.config.ExtensionRef;
import otelgw.config.Signal;
import otelgw.core.component.Component;
import otelgw.core.component.ReceiverFactory;
import otelgw.core.component.ReceiverSettings;
import otelgw.core.component.Stability;

/**
 * The {@code otlp} receiver: OTLP/gRPC and OTLP/HTTP (protobuf and JSON) for traces, metrics and
 * logs, configured with the Collector's {@code protocols} block. See {@link OtlpReceiverConfig}.
 */
public final class OtlpReceiverFactory implements ReceiverFactory<OtlpReceiverConfig> {

  /** The component type, {@value}. */
  public static final String TYPE = "otlp";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Stability stability() {
    return Stability.BETA;
  }

  @Override
  public Set<Signal> signals() {
    return Set.of(Signal.TRACES, Signal.METRICS, Signal.LOGS);
  }

  @Override
  public OtlpReceiverConfig parseConfig(ConfigNode node) {
    return OtlpReceiverConfig.parse(node);
  }

  @Override
  public List<String> listenEndpoints(OtlpReceiverConfig config) {
    List<String> endpoints = new ArrayList<>(2);
    config.grpc().ifPresent(grpc -> endpoints.add(grpc.endpoint()));
    config.http().ifPresent(http -> endpoints.add(http.endpoint()));
    return endpoints;
  }

  @Override
  public List<ExtensionRef> extensionRefs(OtlpReceiverConfig config) {
    List<ExtensionRef> refs = new ArrayList<>(2);
    config.grpc().flatMap(OtlpGrpcConfig::auth).ifPresent(auth -> refs.add(auth.authenticator()));
    config.http().flatMap(OtlpHttpConfig::auth).ifPresent(auth -> refs.add(auth.authenticator()));
    return refs;
  }

  @Override
  public String summary(OtlpReceiverConfig config) {
    List<String> parts = new ArrayList<>(2);
    config
        .grpc()
        .ifPresent(
            grpc ->
                parts.add(
                    "grpc on "
                        + grpc.endpoint()
                        + protection(grpc.tls().isPresent(), grpc.auth())
                        + ", max message "
                        + grpc.maxRecvMsgSizeMib()
                        + " MiB"));
    config
        .http()
        .ifPresent(
            http ->
                parts.add(
                    "http on "
                        + http.endpoint()
                        + protection(http.tls().isPresent(), http.auth())
                        + ", max body "
                        + ByteSizes.format(http.maxRequestBodySize())));
    return String.join("; ", parts);
  }

  private static String protection(boolean tls, Optional<AuthSettings> auth) {
    String authenticator = auth.map(a -> "auth " + a.authenticator().id()).orElse("");
    String both = tls ? (authenticator.isEmpty() ? "tls" : "tls, " + authenticator) : authenticator;
    return both.isEmpty() ? "" : " (" + both + ")";
  }

  @Override
  public Component createReceiver(ReceiverSettings settings, OtlpReceiverConfig config) {
    return new OtlpReceiver(settings, config);
  }
}
