package otelgw.exporter.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsPartialSuccess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceResponse;
import io.opentelemetry.proto.collector.logs.v1.LogsServiceGrpc;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsPartialSuccess;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceResponse;
import io.opentelemetry.proto.collector.metrics.v1.MetricsServiceGrpc;
import io.opentelemetry.proto.collector.trace.v1.ExportTracePartialSuccess;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.collector.trace.v1.TraceServiceGrpc;
import otelgw.config.Signal;
import otelgw.core.exporterhelper.PartialSuccess;
import otelgw.core.otlp.OtlpJson;
import otelgw.core.otlp.OtlpJsonException;

/**
 * What differs between the signals' OTLP export services on the wire, in one place: the gRPC method
 * and how to read {@code partial_success} out of the response.
 */
enum OtlpService {
  TRACES(
      TraceServiceGrpc.getExportMethod().getFullMethodName(),
      ExportTraceServiceResponse.getDefaultInstance()) {
    @Override
    PartialSuccess partialSuccess(Message response) {
      ExportTracePartialSuccess partial =
          ((ExportTraceServiceResponse) response).getPartialSuccess();
      return partial(partial.getRejectedSpans(), partial.getErrorMessage());
    }
  },
  METRICS(
      MetricsServiceGrpc.getExportMethod().getFullMethodName(),
      ExportMetricsServiceResponse.getDefaultInstance()) {
    @Override
    PartialSuccess partialSuccess(Message response) {
      ExportMetricsPartialSuccess partial =
          ((ExportMetricsServiceResponse) response).getPartialSuccess();
      return partial(partial.getRejectedDataPoints(), partial.getErrorMessage());
    }
  },
  LOGS(
      LogsServiceGrpc.getExportMethod().getFullMethodName(),
      ExportLogsServiceResponse.getDefaultInstance()) {
    @Override
    PartialSuccess partialSuccess(Message response) {
      ExportLogsPartialSuccess partial = ((ExportLogsServiceResponse) response).getPartialSuccess();
      return partial(partial.getRejectedLogRecords(), partial.getErrorMessage());
    }
  };

  private final String grpcMethod;
  private final Message responsePrototype;

  OtlpService(String grpcMethod, Message responsePrototype) {
    this.grpcMethod = grpcMethod;
    this.responsePrototype = responsePrototype;
  }

  static OtlpService of(Signal signal) {
    return switch (signal) {
      case TRACES -> TRACES;
      case METRICS -> METRICS;
      case LOGS -> LOGS;
    };
  }

  /** The full gRPC method name, such as {@code opentelemetry.proto...TraceService/Export}. */
  String grpcMethod() {
    return grpcMethod;
  }

  /** What the backend rejected, read from a protobuf {@code Export*ServiceResponse}. */
  PartialSuccess fromProtobuf(byte[] response) throws InvalidProtocolBufferException {
    return partialSuccess(responsePrototype.getParserForType().parseFrom(response));
  }

  /** What the backend rejected, read from an OTLP/JSON {@code Export*ServiceResponse}. */
  PartialSuccess fromJson(byte[] response) throws OtlpJsonException {
    return partialSuccess(OtlpJson.decode(response, responsePrototype));
  }

  /** {@link PartialSuccess#NONE} when the response says nothing was rejected. */
  abstract PartialSuccess partialSuccess(Message response);

  private static PartialSuccess partial(long rejected, String message) {
    return rejected == 0 && message.isEmpty()
        ? PartialSuccess.NONE
        : new PartialSuccess(rejected, message);
  }
}
