package otelgw.core.batch;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;

/** OTLP requests and batches for tests, built with the generated builders. */
public final class TestBatches {

  private TestBatches() {}

  /** A request with {@code spans} spans in one resource, its service named {@code service}. */
  public static ExportTraceServiceRequest traces(String service, int spans) {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    for (int i = 0; i < spans; i++) {
      scope.addSpans(
          Span.newBuilder()
              .setName("span-" + i)
              .setTraceId(com.google.protobuf.ByteString.copyFrom(new byte[16]))
              .setSpanId(
                  com.google.protobuf.ByteString.copyFrom(
                      new byte[] {0, 0, 0, 0, 0, 0, 0, (byte) (i + 1)})));
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(
                    Resource.newBuilder().addAttributes(attribute("service.name", service)))
                .addScopeSpans(scope))
        .build();
  }

  /** A trace batch as a receiver makes it from protobuf bytes. */
  public static TraceBatch traceBatch(String service, int spans) {
    return BatchType.TRACES.fromWire(traces(service, spans).toByteArray());
  }

  public static ExportLogsServiceRequest logs(int records) {
    ScopeLogs.Builder scope = ScopeLogs.newBuilder();
    for (int i = 0; i < records; i++) {
      scope.addLogRecords(
          LogRecord.newBuilder().setBody(AnyValue.newBuilder().setStringValue("line " + i)));
    }
    return ExportLogsServiceRequest.newBuilder()
        .addResourceLogs(ResourceLogs.newBuilder().addScopeLogs(scope))
        .build();
  }

  public static ExportMetricsServiceRequest emptyMetrics() {
    return ExportMetricsServiceRequest.getDefaultInstance();
  }

  public static KeyValue attribute(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }

  /** The value of a resource attribute of the first resource, or null. */
  public static String resourceAttribute(ExportTraceServiceRequest request, String key) {
    for (KeyValue kv : request.getResourceSpans(0).getResource().getAttributesList()) {
      if (kv.getKey().equals(key)) {
        return kv.getValue().getStringValue();
      }
    }
    return null;
  }

  /** The request with a resource attribute added to every resource. */
  public static ExportTraceServiceRequest withResourceAttribute(
      ExportTraceServiceRequest request, String key, String value) {
    ExportTraceServiceRequest.Builder builder = request.toBuilder();
    for (ResourceSpans.Builder resource : builder.getResourceSpansBuilderList()) {
      resource.getResourceBuilder().addAttributes(attribute(key, value));
    }
    return builder.build();
  }
}
