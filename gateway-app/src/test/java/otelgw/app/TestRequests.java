package otelgw.app;

import com.google.protobuf.ByteString;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.resource.v1.Resource;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.ByteBuffer;

/** OTLP requests built directly, for tests that drive otelgw with a raw gRPC client. */
final class TestRequests {

  private TestRequests() {}

  /** {@code spans} spans named {@code prefix-i}, each with a few attributes. */
  static ExportTraceServiceRequest spans(String prefix, int spans, int paddingBytes) {
    ScopeSpans.Builder scope = ScopeSpans.newBuilder();
    for (int i = 0; i < spans; i++) {
      scope.addSpans(
          Span.newBuilder()
              .setName(prefix + "-" + i)
              .setTraceId(
                  ByteString.copyFrom(
                      ByteBuffer.allocate(16).putLong(prefix.hashCode()).putLong(i).array()))
              .setSpanId(ByteString.copyFrom(ByteBuffer.allocate(8).putLong(i + 1).array()))
              .setStartTimeUnixNano(1_700_000_000_000_000_000L)
              .setEndTimeUnixNano(1_700_000_000_001_000_000L)
              .addAttributes(attribute("test.index", Integer.toString(i)))
              .addAttributes(attribute("test.padding", "x".repeat(paddingBytes))));
    }
    return ExportTraceServiceRequest.newBuilder()
        .addResourceSpans(
            ResourceSpans.newBuilder()
                .setResource(Resource.newBuilder().addAttributes(attribute("service.name", "load")))
                .addScopeSpans(scope))
        .build();
  }

  private static KeyValue attribute(String key, String value) {
    return KeyValue.newBuilder()
        .setKey(key)
        .setValue(AnyValue.newBuilder().setStringValue(value))
        .build();
  }
}
