package otelgw.exporter.otlp;

import java.util.List;
import java.util.Set;
import otelgw.config.ConfigNode;
import otelgw.config.ExtensionRef;
import otelgw.config.Signal;
import otelgw.core.component.Exporter;
import otelgw.core.component.ExporterFactory;
import otelgw.core.component.ExporterSettings;
import otelgw.core.component.Stability;
import otelgw.core.exporterhelper.QueuedRetryExporter;

/**
 * Makes {@code otlp} exporters: OTLP/gRPC to a backend, for all three signals over one channel,
 * behind the exporter helper's queue and retry. Batches are sent as the protobuf bytes they hold;
 * the backend's answer is classified as the OTLP specification says (see {@link
 * OtlpGrpcExporterConfig} for the keys).
 */
public final class OtlpGrpcExporterFactory implements ExporterFactory<OtlpGrpcExporterConfig> {

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
    return Set.of(Signal.values());
  }

  @Override
  public OtlpGrpcExporterConfig parseConfig(ConfigNode node) {
    return OtlpGrpcExporterConfig.parse(node);
  }

  @Override
  public List<ExtensionRef> extensionRefs(OtlpGrpcExporterConfig config) {
    return config.auth().map(auth -> List.of(auth.authenticator())).orElse(List.of());
  }

  /**
   * @throws IllegalArgumentException if {@code auth} names an extension that is not running or
   *     cannot give credentials
   */
  @Override
  public String summary(OtlpGrpcExporterConfig config) {
    GrpcTarget target = config.target();
    return ExporterSummary.of(
        target.host() + ":" + target.port() + (target.plaintext() ? " (plaintext)" : " (TLS)"),
        config.compression(),
        config.timeout(),
        config.queue(),
        config.retry());
  }

  @Override
  public Exporter createExporter(ExporterSettings settings, OtlpGrpcExporterConfig config) {
    return new QueuedRetryExporter(
        settings,
        config.queue(),
        config.retry(),
        new GrpcTransport(config, ClientCredentials.of(settings, config.auth())));
  }
}
