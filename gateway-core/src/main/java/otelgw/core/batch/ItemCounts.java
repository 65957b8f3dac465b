package otelgw.core.batch;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/** Item counts of decoded requests, for batches whose wire count a stage made stale. */
final class ItemCounts {

  private ItemCounts() {}

  static int spans(ExportTraceServiceRequest request) {
    int count = 0;
    for (ResourceSpans resource : request.getResourceSpansList()) {
      for (ScopeSpans scope : resource.getScopeSpansList()) {
        count += scope.getSpansCount();
      }
    }
    return count;
  }

  static int logRecords(ExportLogsServiceRequest request) {
    int count = 0;
    for (ResourceLogs resource : request.getResourceLogsList()) {
      for (ScopeLogs scope : resource.getScopeLogsList()) {
        count += scope.getLogRecordsCount();
      }
    }
    return count;
  }

  /** Data points, as the Collector counts metrics. */
  static int metricPoints(ExportMetricsServiceRequest request) {
    int count = 0;
    for (ResourceMetrics resource : request.getResourceMetricsList()) {
      for (ScopeMetrics scope : resource.getScopeMetricsList()) {
        for (Metric metric : scope.getMetricsList()) {
          count += dataPoints(metric);
        }
      }
    }
    return count;
  }

  static int dataPoints(Metric metric) {
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
