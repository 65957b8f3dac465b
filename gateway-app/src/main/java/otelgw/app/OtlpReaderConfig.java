package otelgw.app;

import io.micrometer.registry.otlp.AggregationTemporality;
import io.micrometer.registry.otlp.CompressionMode;
import io.micrometer.registry.otlp.OtlpConfig;
import java.time.Duration;
import java.util.Map;
import otelgw.config.MetricReaderSettings;

/**
 * One reader's settings as Micrometer's OTLP registry reads them. Every value comes from the YAML:
 * Micrometer's own defaults would also read {@code OTEL_EXPORTER_OTLP_*} and {@code
 * OTEL_RESOURCE_ATTRIBUTES} from the environment, which the applications otelgw serves set for
 * themselves, not for otelgw.
 */
final class OtlpReaderConfig implements OtlpConfig {

  private final MetricReaderSettings reader;
  private final Map<String, String> resource;

  OtlpReaderConfig(MetricReaderSettings reader, Map<String, String> resource) {
    this.reader = reader;
    this.resource = Map.copyOf(resource);
  }

  @Override
  public String get(String key) {
    return null; // no property source: the defaults below, or Micrometer's own
  }

  @Override
  public String url() {
    return reader.endpoint().toString();
  }

  @Override
  public Duration step() {
    return reader.interval();
  }

  @Override
  public Map<String, String> headers() {
    return reader.headers();
  }

  @Override
  public Map<String, String> resourceAttributes() {
    return resource;
  }

  @Override
  public AggregationTemporality aggregationTemporality() {
    return switch (reader.temporality()) {
      case CUMULATIVE -> AggregationTemporality.CUMULATIVE;
      case DELTA -> AggregationTemporality.DELTA;
    };
  }

  @Override
  public CompressionMode compressionMode() {
    return switch (reader.compression()) {
      case NONE -> CompressionMode.NONE;
      case GZIP -> CompressionMode.GZIP;
    };
  }

  @Override
  public Duration connectTimeout() {
    return reader.timeout();
  }

  @Override
  public Duration readTimeout() {
    return reader.timeout();
  }
}
