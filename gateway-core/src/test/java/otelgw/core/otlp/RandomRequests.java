package otelgw.core.otlp;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.InstrumentationScope;
import io.opentelemetry.proto.common.v1.KeyValue;
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
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.Random;

/** Export requests of random shape (including empty resources and scopes), from a seed. */
final class RandomRequests {
  private final Random random;

  RandomRequests(long seed) {
    this.random = new Random(seed);
  }

  ExportTraceServiceRequest traces() {
    ExportTraceServiceRequest.Builder request = ExportTraceServiceRequest.newBuilder();
    for (int r = random.nextInt(4); r > 0; r--) {
      ResourceSpans.Builder resource = ResourceSpans.newBuilder().setResource(resource());
      for (int s = random.nextInt(4); s > 0; s--) {
        ScopeSpans.Builder scope = ScopeSpans.newBuilder().setScope(scope());
        for (int i = random.nextInt(30); i > 0; i--) {
          scope.addSpans(
              Span.newBuilder()
                  .setName("span-" + i)
                  .setStartTimeUnixNano(random.nextLong())
                  .addAttributes(attribute()));
        }
        resource.addScopeSpans(scope);
      }
      request.addResourceSpans(resource);
    }
    return request.build();
  }

  ExportLogsServiceRequest logs() {
    ExportLogsServiceRequest.Builder request = ExportLogsServiceRequest.newBuilder();
    for (int r = random.nextInt(4); r > 0; r--) {
      ResourceLogs.Builder resource = ResourceLogs.newBuilder().setResource(resource());
      for (int s = random.nextInt(4); s > 0; s--) {
        ScopeLogs.Builder scope = ScopeLogs.newBuilder().setScope(scope());
        for (int i = random.nextInt(30); i > 0; i--) {
          scope.addLogRecords(
              LogRecord.newBuilder()
                  .setBody(AnyValue.newBuilder().setStringValue("log " + i))
                  .addAttributes(attribute()));
        }
        resource.addScopeLogs(scope);
      }
      request.addResourceLogs(resource);
    }
    return request.build();
  }

  ExportMetricsServiceRequest metrics() {
    ExportMetricsServiceRequest.Builder request = ExportMetricsServiceRequest.newBuilder();
    for (int r = random.nextInt(4); r > 0; r--) {
      ResourceMetrics.Builder resource = ResourceMetrics.newBuilder().setResource(resource());
      for (int s = random.nextInt(4); s > 0; s--) {
        ScopeMetrics.Builder scope = ScopeMetrics.newBuilder().setScope(scope());
        for (int m = random.nextInt(8); m > 0; m--) {
          scope.addMetrics(metric(random.nextInt(6)));
        }
        resource.addScopeMetrics(scope);
      }
      request.addResourceMetrics(resource);
    }
    return request.build();
  }

  private Metric metric(int points) {
    Metric.Builder metric = Metric.newBuilder().setName("m").setUnit("1");
    switch (random.nextInt(6)) {
      case 0 -> {
        Gauge.Builder gauge = Gauge.newBuilder();
        for (int i = 0; i < points; i++) {
          gauge.addDataPoints(NumberDataPoint.newBuilder().setAsInt(i).addAttributes(attribute()));
        }
        metric.setGauge(gauge);
      }
      case 1 -> {
        Sum.Builder sum = Sum.newBuilder().setIsMonotonic(true);
        for (int i = 0; i < points; i++) {
          sum.addDataPoints(NumberDataPoint.newBuilder().setAsDouble(i));
        }
        metric.setSum(sum);
      }
      case 2 -> {
        Histogram.Builder histogram = Histogram.newBuilder();
        for (int i = 0; i < points; i++) {
          histogram.addDataPoints(HistogramDataPoint.newBuilder().setCount(i).addBucketCounts(i));
        }
        metric.setHistogram(histogram);
      }
      case 3 -> {
        ExponentialHistogram.Builder histogram = ExponentialHistogram.newBuilder();
        for (int i = 0; i < points; i++) {
          histogram.addDataPoints(ExponentialHistogramDataPoint.newBuilder().setScale(i));
        }
        metric.setExponentialHistogram(histogram);
      }
      case 4 -> {
        Summary.Builder summary = Summary.newBuilder();
        for (int i = 0; i < points; i++) {
          summary.addDataPoints(SummaryDataPoint.newBuilder().setSum(i));
        }
        metric.setSummary(summary);
      }
      default -> {
        // A metric without data: counts nothing.
      }
    }
    return metric.build();
  }

  private Resource resource() {
    return Resource.newBuilder().addAttributes(attribute()).build();
  }

  private InstrumentationScope scope() {
    return InstrumentationScope.newBuilder().setName("scope").setVersion("1").build();
  }

  private KeyValue attribute() {
    return KeyValue.newBuilder()
        .setKey("k" + random.nextInt(100))
        .setValue(AnyValue.newBuilder().setIntValue(random.nextInt()))
        .build();
  }

  /** The number of items the way a reader of the parsed request would count them. */
  static int items(ExportTraceServiceRequest request) {
    return request.getResourceSpansList().stream()
        .flatMap(r -> r.getScopeSpansList().stream())
        .mapToInt(ScopeSpans::getSpansCount)
        .sum();
  }

  static int items(ExportLogsServiceRequest request) {
    return request.getResourceLogsList().stream()
        .flatMap(r -> r.getScopeLogsList().stream())
        .mapToInt(ScopeLogs::getLogRecordsCount)
        .sum();
  }

  static int items(ExportMetricsServiceRequest request) {
    return request.getResourceMetricsList().stream()
        .flatMap(r -> r.getScopeMetricsList().stream())
        .flatMap(s -> s.getMetricsList().stream())
        .mapToInt(RandomRequests::points)
        .sum();
  }

  private static int points(Metric metric) {
    return switch (metric.getDataCase()) {
      case GAUGE -> metric.getGauge().getDataPointsCount();
      case SUM -> metric.getSum().getDataPointsCount();
      case HISTOGRAM -> metric.getHistogram().getDataPointsCount();
      case EXPONENTIAL_HISTOGRAM -> metric.getExponentialHistogram().getDataPointsCount();
      case SUMMARY -> metric.getSummary().getDataPointsCount();
      case DATA_NOT_SET -> 0;
    };
  }
}
