package otelgw.core.otlp.walk;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import otelgw.config.Signal;

/**
 * The field numbers of one signal's request down to its records: request, resource-level message
 * (its resource and scope-level messages), scope-level message (its scope and records).
 */
record WireShape(
    int resourceLevels, int resource, int scopeLevels, int scope, int records, WirePart<?> record) {

  static final WireShape TRACES =
      new WireShape(
          ExportTraceServiceRequest.RESOURCE_SPANS_FIELD_NUMBER,
          ResourceSpans.RESOURCE_FIELD_NUMBER,
          ResourceSpans.SCOPE_SPANS_FIELD_NUMBER,
          ScopeSpans.SCOPE_FIELD_NUMBER,
          ScopeSpans.SPANS_FIELD_NUMBER,
          WirePart.SPAN);

  static final WireShape METRICS =
      new WireShape(
          ExportMetricsServiceRequest.RESOURCE_METRICS_FIELD_NUMBER,
          ResourceMetrics.RESOURCE_FIELD_NUMBER,
          ResourceMetrics.SCOPE_METRICS_FIELD_NUMBER,
          ScopeMetrics.SCOPE_FIELD_NUMBER,
          ScopeMetrics.METRICS_FIELD_NUMBER,
          WirePart.METRIC);

  static final WireShape LOGS =
      new WireShape(
          ExportLogsServiceRequest.RESOURCE_LOGS_FIELD_NUMBER,
          ResourceLogs.RESOURCE_FIELD_NUMBER,
          ResourceLogs.SCOPE_LOGS_FIELD_NUMBER,
          ScopeLogs.SCOPE_FIELD_NUMBER,
          ScopeLogs.LOG_RECORDS_FIELD_NUMBER,
          WirePart.LOG_RECORD);

  static WireShape of(Signal signal) {
    return switch (signal) {
      case TRACES -> TRACES;
      case METRICS -> METRICS;
      case LOGS -> LOGS;
    };
  }
}
