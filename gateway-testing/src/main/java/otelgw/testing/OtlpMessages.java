package otelgw.testing;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.Optional;
import java.util.stream.Stream;

/** The only place that knows each signal's request and response protobuf types. */
final class OtlpMessages {

  private OtlpMessages() {}

  static Message parseRequest(OtlpSignal signal, byte[] body)
      throws InvalidProtocolBufferException {
    return switch (signal) {
      case TRACES -> ExportTraceServiceRequest.parseFrom(body);
      case METRICS -> ExportMetricsServiceRequest.parseFrom(body);
      case LOGS -> ExportLogsServiceRequest.parseFrom(body);
    };
  }

  static Message response(OtlpSignal signal, Optional<Fault.PartialSuccess> partial) {
    return switch (signal) {
      case TRACES ->
          partial
              .map(
                  p ->
                      ExportTraceServiceResponse.newBuilder()
                          .setPartialSuccess(
                              ExportTracePartialSuccess.newBuilder()
                                  .setRejectedSpans(p.rejected())
                                  .setErrorMessage(p.message()))
                          .build())
              .orElse(ExportTraceServiceResponse.getDefaultInstance());
      case METRICS ->
          partial
              .map(
                  p ->
                      ExportMetricsServiceResponse.newBuilder()
                          .setPartialSuccess(
                              ExportMetricsPartialSuccess.newBuilder()
                                  .setRejectedDataPoints(p.rejected())
                                  .setErrorMessage(p.message()))
                          .build())
              .orElse(ExportMetricsServiceResponse.getDefaultInstance());
      case LOGS ->
          partial
              .map(
                  p ->
                      ExportLogsServiceResponse.newBuilder()
                          .setPartialSuccess(
                              ExportLogsPartialSuccess.newBuilder()
                                  .setRejectedLogRecords(p.rejected())
                                  .setErrorMessage(p.message()))
                          .build())
              .orElse(ExportLogsServiceResponse.getDefaultInstance());
    };
  }

  /** Spans, metric data points or log records in {@code request}. */
  static long itemCount(Message request) {
    if (request instanceof ExportTraceServiceRequest traces) {
      return spans(traces).count();
    }
    if (request instanceof ExportMetricsServiceRequest metrics) {
      return metrics(metrics).mapToLong(OtlpMessages::dataPointCount).sum();
    }
    if (request instanceof ExportLogsServiceRequest logs) {
      return logRecords(logs).count();
    }
    throw new IllegalArgumentException("not an OTLP export request: " + request.getClass());
  }

  static Stream<Span> spans(ExportTraceServiceRequest request) {
    return request.getResourceSpansList().stream()
        .flatMap(resource -> resource.getScopeSpansList().stream())
        .flatMap(scope -> scope.getSpansList().stream());
  }

  static Stream<Metric> metrics(ExportMetricsServiceRequest request) {
    return request.getResourceMetricsList().stream()
        .flatMap(resource -> resource.getScopeMetricsList().stream())
        .flatMap(scope -> scope.getMetricsList().stream());
  }

  static Stream<LogRecord> logRecords(ExportLogsServiceRequest request) {
    return request.getResourceLogsList().stream()
        .flatMap(resource -> resource.getScopeLogsList().stream())
        .flatMap(scope -> scope.getLogRecordsList().stream());
  }

  static int dataPointCount(Metric metric) {
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
