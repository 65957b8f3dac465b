package otelgw.app;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Collection;
import java.util.List;

/**
 * Telemetry made by the real OpenTelemetry SDK, captured in memory so a test can hand it to the
 * SDK's own OTLP exporters and check the export result.
 */
final class TestTelemetry {

  static final AttributeKey<Long> INDEX = AttributeKey.longKey("test.index");
  static final AttributeKey<String> PAYLOAD = AttributeKey.stringKey("test.payload");
  static final Resource RESOURCE =
      Resource.getDefault().merge(Resource.builder().put("service.name", "otelgw-test").build());

  private TestTelemetry() {}

  /** {@code count} ended spans named {@code prefix-i}, each with attributes and an event. */
  static List<SpanData> spans(String prefix, int count) {
    InMemorySpanExporter memory = InMemorySpanExporter.create();
    try (SdkTracerProvider provider =
        SdkTracerProvider.builder()
            .setResource(RESOURCE)
            .addSpanProcessor(SimpleSpanProcessor.create(memory))
            .build()) {
      Tracer tracer = provider.get("otelgw.test");
      for (int i = 0; i < count; i++) {
        Span span =
            tracer
                .spanBuilder(prefix + "-" + i)
                .setAttribute(INDEX, (long) i)
                .setAttribute(PAYLOAD, "value-" + i)
                .setAttribute("http.request.method", "GET")
                .startSpan();
        span.addEvent("checkpoint", Attributes.of(INDEX, (long) i));
        span.end();
      }
      return memory.getFinishedSpanItems(); // before close: shutting down clears the exporter
    }
  }

  /** Metrics from one collection: a counter with {@code series} attribute sets. */
  static Collection<MetricData> metrics(int series) {
    InMemoryMetricReader reader = InMemoryMetricReader.create();
    try (SdkMeterProvider provider =
        SdkMeterProvider.builder().setResource(RESOURCE).registerMetricReader(reader).build()) {
      Meter meter = provider.get("otelgw.test");
      LongCounter counter = meter.counterBuilder("test.requests").build();
      for (int i = 0; i < series; i++) {
        counter.add(i + 1, Attributes.of(INDEX, (long) i));
      }
      return reader.collectAllMetrics();
    }
  }

  /** {@code count} log records with bodies {@code prefix-i}. */
  static List<LogRecordData> logs(String prefix, int count) {
    InMemoryLogRecordExporter memory = InMemoryLogRecordExporter.create();
    try (SdkLoggerProvider provider =
        SdkLoggerProvider.builder()
            .setResource(RESOURCE)
            .addLogRecordProcessor(SimpleLogRecordProcessor.create(memory))
            .build()) {
      Logger logger = provider.get("otelgw.test");
      for (int i = 0; i < count; i++) {
        logger
            .logRecordBuilder()
            .setSeverity(Severity.WARN)
            .setBody(prefix + "-" + i)
            .setAttribute(INDEX, (long) i)
            .emit();
      }
      return memory.getFinishedLogRecordItems(); // before close: shutting down clears it
    }
  }
}
