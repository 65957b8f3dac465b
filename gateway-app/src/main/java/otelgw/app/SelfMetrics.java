package otelgw.app;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.core.instrument.util.NamedThreadFactory;
import io.micrometer.core.ipc.http.HttpUrlConnectionSender;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micrometer.registry.otlp.OtlpHttpMetricsSender;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import otelgw.config.MetricReaderSettings;
import otelgw.config.TelemetrySettings;

/**
 * The registry every otelgw meter is registered in: the Prometheus registry that {@code /metrics}
 * scrapes, plus one Micrometer OTLP registry per {@code service.telemetry.metrics.readers} entry,
 * which pushes every meter on its own thread each interval.
 *
 * <p>The OTLP names are snake_case, {@code otelcol_receiver_accepted_spans}, as the Collector's own
 * OTLP self-metrics are; Micrometer's default would send {@code otelcol.receiver.accepted.spans}.
 * {@link #close()} pushes once more, so that a push after the drain carries the final counts, and
 * is idempotent.
 */
final class SelfMetrics implements AutoCloseable {

  /** The resource's {@code service.name}. */
  static final String SERVICE_NAME = "otelgw";

  private final MeterRegistry registry;
  private final List<OtlpMeterRegistry> pushers = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private SelfMetrics(PrometheusMeterRegistry prometheus, TelemetrySettings telemetry) {
    if (telemetry.metricReaders().isEmpty()) {
      // Meters are incremented on the data path: without a reader, no composite in between.
      registry = prometheus;
      return;
    }
    CompositeMeterRegistry composite = new CompositeMeterRegistry();
    composite.add(prometheus);
    registry = composite;
    Map<String, String> resource =
        Map.of(
            "service.name", SERVICE_NAME,
            "service.version", Version.current(),
            "service.instance.id", UUID.randomUUID().toString());
    for (MetricReaderSettings reader : telemetry.metricReaders()) {
      OtlpReaderConfig config = new OtlpReaderConfig(reader, resource);
      OtlpMeterRegistry otlp =
          OtlpMeterRegistry.builder(config)
              .threadFactory(new NamedThreadFactory("otelgw-otlp-metrics"))
              .metricsSender(
                  new OtlpHttpMetricsSender(
                      new HttpUrlConnectionSender(config.connectTimeout(), config.readTimeout())))
              .build();
      otlp.config().namingConvention(NamingConvention.snakeCase);
      pushers.add(otlp);
      composite.add(otlp);
    }
  }

  /** Starts pushing to every configured reader; with none, only the Prometheus registry is fed. */
  static SelfMetrics start(PrometheusMeterRegistry prometheus, TelemetrySettings telemetry) {
    return new SelfMetrics(prometheus, telemetry);
  }

  /** Where to register meters: each one reaches every output. */
  MeterRegistry registry() {
    return registry;
  }

  /** Pushes a last time to each reader and stops its thread. */
  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      pushers.forEach(OtlpMeterRegistry::close);
    }
  }
}
