package otelgw.testing;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.metrics.v1.SummaryDataPoint;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/** Small OTLP export requests with known item counts. */
final class TestRequests {

  private TestRequests() {}

  /** {@code spans} spans, split over two scopes so flattening is exercised. */
  static ExportTraceServiceRequest traces(int spans) {
    ScopeSpans.Builder first = ScopeSpans.newBuilder();
    ScopeSpans.Builder second = ScopeSpans.newBuilder();
    for (int i = 0; i < spans; i++) {
      Span span =
          Span.newBuilder()
              .setName("span-" + i)
              .setTraceId(ByteString.copyFrom(new byte[16]))
              .setSpanId(ByteString.copyFrom(new byte[8]))
              .build();
      (i % 2 == 0 ? first : second).addSpans(span);
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(ResourceSpans.newBuilder().addScopeSpans(first).addScopeSpans(second))
        .build();
  }

  /** One metric of each of the five types: 2 + 1 + 1 + 1 + 1 = 6 data points. */
  static ExportMetricsServiceRequest metricsWithSixPoints() {
    NumberDataPoint number = NumberDataPoint.newBuilder().setAsDouble(1.0).build();
    ScopeMetrics scope =
        ScopeMetrics.newBuilder()
            .addMetrics(
                Metric.newBuilder()
                    .setName("gauge")
                    .setGauge(Gauge.newBuilder().addDataPoints(number).addDataPoints(number)))
            .addMetrics(
                Metric.newBuilder().setName("sum").setSum(Sum.newBuilder().addDataPoints(number)))
            .addMetrics(
                Metric.newBuilder()
                    .setName("histogram")
                    .setHistogram(
                        Histogram.newBuilder()
                            .addDataPoints(HistogramDataPoint.getDefaultInstance())))
            .addMetrics(
                Metric.newBuilder()
                    .setName("exp")
                    .setExponentialHistogram(
                        ExponentialHistogram.newBuilder()
                            .addDataPoints(ExponentialHistogramDataPoint.getDefaultInstance())))
            .addMetrics(
                Metric.newBuilder()
                    .setName("summary")
                    .setSummary(
                        Summary.newBuilder().addDataPoints(SummaryDataPoint.getDefaultInstance())))
            .build();
    return ExportMetricsServiceRequest.newBuilder()
        .addResourceMetrics(ResourceMetrics.newBuilder().addScopeMetrics(scope))
        .build();
  }

  static ExportLogsServiceRequest logs(int records) {
    ScopeLogs.Builder scope = ScopeLogs.newBuilder();
    for (int i = 0; i < records; i++) {
      scope.addLogRecords(LogRecord.newBuilder().setSeverityText("INFO").setEventName("log-" + i));
    }
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(ResourceLogs.newBuilder().addScopeLogs(scope))
        .build();
  }
}
