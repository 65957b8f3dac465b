package otelgw.core.otlp;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import java.util.Objects;
import otelgw.config.Signal;

/**
 * Counts the items of an OTLP export request (spans, metric data points or log records) from its
 * protobuf wire bytes, without parsing them into objects and without allocating.
 *
 * <p>The count is what the parsed request holds. For a metric whose bytes carry more than one kind
 * of data (say a gauge, then a sum) only the last member of the oneof counts, as the protobuf
 * encoding spec says and {@code DynamicMessage} does. (protobuf-java's generated parsers differ in
 * one case no real sender produces: gauge, sum, gauge again parses as both gauges merged.) On the
 * way down it checks the framing of the request, resource, scope (and metric) messages; the inside
 * of each span, data point or log record is skipped by its length and left for the parser. A
 * request that passes may still fail to parse; one that fails would not parse.
 *
 * <p>Thread-safe and stateless.
 */
public final class WireItemCounter {

  private static final WirePath SPANS =
      new WirePath(
          WirePath.NO_ONEOF,
          new int[] {ExportTraceServiceRequest.RESOURCE_SPANS_FIELD_NUMBER},
          new int[] {ResourceSpans.SCOPE_SPANS_FIELD_NUMBER},
          new int[] {ScopeSpans.SPANS_FIELD_NUMBER});

  private static final WirePath METRIC_POINTS =
      new WirePath(
          3,
          new int[] {ExportMetricsServiceRequest.RESOURCE_METRICS_FIELD_NUMBER},
          new int[] {ResourceMetrics.SCOPE_METRICS_FIELD_NUMBER},
          new int[] {ScopeMetrics.METRICS_FIELD_NUMBER},
          new int[] {
            Metric.GAUGE_FIELD_NUMBER,
            Metric.SUM_FIELD_NUMBER,
            Metric.HISTOGRAM_FIELD_NUMBER,
            Metric.EXPONENTIAL_HISTOGRAM_FIELD_NUMBER,
            Metric.SUMMARY_FIELD_NUMBER
          },
          new int[] {
            Gauge.DATA_POINTS_FIELD_NUMBER,
            Sum.DATA_POINTS_FIELD_NUMBER,
            Histogram.DATA_POINTS_FIELD_NUMBER,
            ExponentialHistogram.DATA_POINTS_FIELD_NUMBER,
            Summary.DATA_POINTS_FIELD_NUMBER
          });

  private static final WirePath LOG_RECORDS =
      new WirePath(
          WirePath.NO_ONEOF,
          new int[] {ExportLogsServiceRequest.RESOURCE_LOGS_FIELD_NUMBER},
          new int[] {ResourceLogs.SCOPE_LOGS_FIELD_NUMBER},
          new int[] {ScopeLogs.LOG_RECORDS_FIELD_NUMBER});

  private WireItemCounter() {}

  /**
   * Counts the items of a whole serialized export request of {@code signal}: an {@code
   * Export{Trace,Metrics,Logs}ServiceRequest}. An empty array is an empty request: 0.
   *
   * @throws MalformedProtobufException if the framing of the request is broken
   */
  public static int count(Signal signal, byte[] request) throws MalformedProtobufException {
    return count(signal, request, 0, request.length);
  }

  /**
   * Counts the items of the request in {@code request[offset, offset + length)}. Byte offsets in
   * error messages are relative to {@code offset}.
   *
   * @throws MalformedProtobufException if the framing of the request is broken
   * @throws IndexOutOfBoundsException if the range is not inside the array
   */
  public static int count(Signal signal, byte[] request, int offset, int length)
      throws MalformedProtobufException {
    Objects.checkFromIndexSize(offset, length, request.length);
    WirePath path =
        switch (signal) {
          case TRACES -> SPANS;
          case METRICS -> METRIC_POINTS;
          case LOGS -> LOG_RECORDS;
        };
    return WireScanner.count(request, offset, length, path);
  }
}
