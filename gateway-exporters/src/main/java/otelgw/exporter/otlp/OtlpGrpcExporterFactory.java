package otelgw.exporter.otlp;

import java.util.Set;
import otelgw.config.ConfigNode;
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
  public Exporter createExporter(ExporterSettings settings, OtlpGrpcExporterConfig config) {
    return new QueuedRetryExporter(
        settings, config.queue(), config.retry(), new GrpcTransport(config));
  }
}
