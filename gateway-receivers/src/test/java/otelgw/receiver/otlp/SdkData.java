package otelgw.receiver.otlp;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricReader;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Telemetry made by the real OpenTelemetry SDK, ready to hand to its OTLP exporters. */
final class SdkData {

  static final Resource RESOURCE =
      Resource.create(Attributes.of(stringKey("service.name"), "checkout"));

  private SdkData() {}

  /** {@code count} spans, each with {@code http.route=/cart} and {@code attempt=i}. */
  static List<SpanData> spans(int count) {
    List<SpanData> spans = new ArrayList<>();
    SpanExporter collect =
        new SpanExporter() {
          @Override
          public CompletableResultCode export(Collection<SpanData> batch) {
            spans.addAll(batch);
            return CompletableResultCode.ofSuccess();
          }

          @Override
          public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
          }

          @Override
          public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
          }
        };
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(RESOURCE)
            .addSpanProcessor(SimpleSpanProcessor.create(collect))
            .build()) {
      Tracer tracer = provider.get("otelgw-test");
      for (int i = 0; i < count; i++) {
        tracer
            .spanBuilder("span-" + i)
            .setAttribute("http.route", "/cart")
            .setAttribute("attempt", i)
            .startSpan()
            .end();
      }
    }
    return spans;
  }

  /** A counter with two attribute sets and a histogram: 3 data points. */
  static Collection<MetricData> metrics() {
    Collector reader = new Collector();
    try (SdkMeterProvider provider =
        SdkMeterProvider.builder().setResource(RESOURCE).registerMetricReader(reader).build()) {
      Meter meter = provider.get("otelgw-test");
      var requests = meter.counterBuilder("requests").build();
      requests.add(3, Attributes.of(stringKey("http.route"), "/cart"));
      requests.add(5, Attributes.of(stringKey("http.route"), "/pay"));
      meter.histogramBuilder("latency").setUnit("ms").build().record(12.5);
      return reader.registration.collectAllMetrics();
    }
  }

  /** {@code count} log records, each with {@code user.action=login}. */
  static List<LogRecordData> logs(int count) {
    List<LogRecordData> logs = new ArrayList<>();
    LogRecordExporter collect =
        new LogRecordExporter() {
          @Override
          public CompletableResultCode export(Collection<LogRecordData> batch) {
            logs.addAll(batch);
            return CompletableResultCode.ofSuccess();
          }

          @Override
          public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
          }

          @Override
          public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
          }
        };
    try (SdkLoggerProvider provider =
        SdkLoggerProvider.builder()
            .setResource(RESOURCE)
            .addLogRecordProcessor(SimpleLogRecordProcessor.create(collect))
            .build()) {
      Logger logger = provider.get("otelgw-test");
      for (int i = 0; i < count; i++) {
        logger
            .logRecordBuilder()
            .setBody("signed in")
            .setAttribute(stringKey("user.action"), "login")
            .setAttribute(longKey("attempt"), (long) i)
            .emit();
      }
    }
    return logs;
  }

  private static final class Collector implements MetricReader {
    private CollectionRegistration registration = CollectionRegistration.noop();

    @Override
    public void register(CollectionRegistration registration) {
      this.registration = registration;
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType type) {
      return AggregationTemporality.CUMULATIVE;
    }

    @Override
    public CompletableResultCode forceFlush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
