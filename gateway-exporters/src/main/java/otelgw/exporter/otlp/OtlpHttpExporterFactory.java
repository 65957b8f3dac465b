package otelgw.exporter.otlp;

import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import otelgw.config.ConfigNode;
import otelgw.config.ExtensionRef;
import otelgw.config.Signal;
import otelgw.core.component.Exporter;
import otelgw.core.component.ExporterFactory;
import otelgw.core.component.ExporterSettings;
import otelgw.core.component.Stability;
import otelgw.core.exporterhelper.QueuedRetryExporter;

/**
 * Makes {@code otlphttp} exporters: OTLP/HTTP with protobuf bodies to a backend, for all three
 * signals over one pooled HTTP client, behind the exporter helper's queue and retry. Batches are
 * sent as the protobuf bytes they hold; the backend's answer is classified as the OTLP
 * specification says (see {@link OtlpHttpExporterConfig} for the keys).
 */
public final class OtlpHttpExporterFactory implements ExporterFactory<OtlpHttpExporterConfig> {

  public static final String TYPE = "otlphttp";

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
  public OtlpHttpExporterConfig parseConfig(ConfigNode node) {
    return OtlpHttpExporterConfig.parse(node);
  }

  @Override
  public List<ExtensionRef> extensionRefs(OtlpHttpExporterConfig config) {
    return config.auth().map(auth -> List.of(auth.authenticator())).orElse(List.of());
  }

  /**
   * @throws IllegalArgumentException if {@code auth} names an extension that is not running or
   *     cannot give credentials
   */
  @Override
  public String summary(OtlpHttpExporterConfig config) {
    String destination =
        Stream.of(Signal.values())
            .map(signal -> config.url(signal).toString())
            .collect(Collectors.joining(", "));
    return ExporterSummary.of(
        destination, config.compression(), config.timeout(), config.queue(), config.retry());
  }

  @Override
  public Exporter createExporter(ExporterSettings settings, OtlpHttpExporterConfig config) {
    return new QueuedRetryExporter(
        settings,
        config.queue(),
        config.retry(),
        new HttpTransport(
            config, ClientCredentials.of(settings, config.auth()), Clock.systemUTC()));
  }
}
