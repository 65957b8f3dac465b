package otelgw.core.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import otelgw.config.Signal;

/**
 * The depth check lets through exactly what protobuf-java parses, as far as depth goes: around the
 * limit, for each way a request can nest.
 */
class WireDepthTest {

  @Test
  void acceptsTheCapturedSdkRequests() {
    assertThatCode(
            () -> {
              WireDepth.check(Signal.TRACES, TestData.read("js-traces.pb"));
              WireDepth.check(Signal.TRACES, TestData.read("java-traces.pb"));
              WireDepth.check(Signal.METRICS, TestData.read("js-metrics.pb"));
              WireDepth.check(Signal.LOGS, TestData.read("js-logs-map-body.pb"));
            })
        .doesNotThrowAnyException();
  }

  @Test
  void agreesWithTheParserOnNestedKeyValueLists() throws Exception {
    assertAgreesAroundTheLimit(depth -> spanWithAttribute(nested(depth, WireDepthTest::inKvlist)));
  }

  @Test
  void agreesWithTheParserOnNestedArrays() throws Exception {
    assertAgreesAroundTheLimit(depth -> spanWithAttribute(nested(depth, WireDepthTest::inArray)));
  }

  @Test
  void agreesWithTheParserOnALogBody() throws Exception {
    for (int depth = 40; depth < 60; depth++) {
      AnyValue body = nested(depth, WireDepthTest::inArray);
      byte[] request =
          ExportLogsServiceRequest.newBuilder()
              .addResourceLogs(
                  ResourceLogs.newBuilder()
                      .addScopeLogs(
                          ScopeLogs.newBuilder()
                              .addLogRecords(LogRecord.newBuilder().setBody(body))))
              .build()
              .toByteArray();
      assertThat(accepted(Signal.LOGS, request))
          .as("depth %d", depth)
          .isEqualTo(parses(() -> ExportLogsServiceRequest.parseFrom(request)));
    }
  }

  @Test
  void agreesWithTheParserOnUnknownGroupsInASpan() throws Exception {
    assertAgreesAroundTheLimit(
        depth ->
            ExportTraceServiceRequest.newBuilder()
                .addResourceSpans(
                    ResourceSpans.newBuilder()
                        .addScopeSpans(
                            ScopeSpans.newBuilder()
                                .addSpans(Span.newBuilder().setUnknownFields(groups(depth)))))
                .build()
                .toByteArray());
  }

  @Test
  void agreesWithTheParserOnUnknownGroupsInAnAttributeValue() throws Exception {
    assertAgreesAroundTheLimit(
        depth ->
            spanWithAttribute(
                AnyValue.newBuilder()
                    .setArrayValue(
                        ArrayValue.newBuilder()
                            .addValues(AnyValue.newBuilder().setUnknownFields(groups(depth))))
                    .build()));
  }

  @Test
  void refusesTenThousandLevelsWithAShortMessage() {
    // Hand-encoded: protobuf-java cannot serialize this deep a message itself.
    int depth = 10_000;
    byte[] value = {0x0A, 0x01, 'x'}; // AnyValue{string_value: "x"}
    for (int i = 0; i < depth; i++) {
      // AnyValue{array_value: ArrayValue{values: [value]}}
      byte[] inner = concat(tagLength(1, value.length), value);
      value = concat(tagLength(5, inner.length), inner);
    }
    byte[] request = spanWithAttributeBytes(value);

    MalformedProtobufException error =
        catchThrowableOfType(
            MalformedProtobufException.class, () -> WireDepth.check(Signal.TRACES, request));

    assertThat(error.getMessage()).startsWith("messages nest deeper than 100 levels at byte");
  }

  @Test
  void appliesAStricterLimitWhenGivenOne() throws Exception {
    byte[] value = {0x0A, 0x01, 'x'}; // AnyValue{string_value: "x"}
    for (int i = 0; i < 30; i++) {
      byte[] inner = concat(tagLength(1, value.length), value);
      value = concat(tagLength(5, inner.length), inner);
    }
    byte[] request = spanWithAttributeBytes(value);

    WireDepth.check(Signal.TRACES, request);
    MalformedProtobufException error =
        catchThrowableOfType(
            MalformedProtobufException.class, () -> WireDepth.check(Signal.TRACES, request, 20));

    assertThat(error.getMessage()).startsWith("messages nest deeper than 20 levels at byte");
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WireDepth.check(Signal.TRACES, request, 0));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> WireDepth.check(Signal.TRACES, request, WireDepth.MAX_DEPTH + 1));
  }

  @Test
  void refusesAOneByteLengthThatRunsPastTheMessage() {
    // ResourceSpans (3 bytes) holding ScopeSpans that declares 5 bytes where 1 remains; a limit of
    // 1 makes the check walk a message that short.
    byte[] request = {0x0A, 0x03, 0x12, 0x05, 0x00};

    MalformedProtobufException refused =
        catchThrowableOfType(
            () -> WireDepth.check(Signal.TRACES, request, 1), MalformedProtobufException.class);

    assertThat(refused).hasMessage("truncated message: field 2 declares 5 bytes, 1 remain");
  }

  private static void assertAgreesAroundTheLimit(IntFunction<byte[]> requestOfDepth)
      throws Exception {
    int accepted = 0;
    int refused = 0;
    for (int depth = 20; depth <= 110; depth++) {
      byte[] request = requestOfDepth.apply(depth);
      boolean parses = parses(() -> ExportTraceServiceRequest.parseFrom(request));
      assertThat(accepted(Signal.TRACES, request)).as("depth %d", depth).isEqualTo(parses);
      if (parses) {
        accepted++;
      } else {
        refused++;
      }
    }
    // The range straddles the limit: both answers occur.
    assertThat(accepted).isPositive();
    assertThat(refused).isPositive();
  }

  private static boolean accepted(Signal signal, byte[] request) {
    try {
      WireDepth.check(signal, request);
      return true;
    } catch (MalformedProtobufException e) {
      assertThat(e.getMessage()).startsWith("messages nest deeper than");
      return false;
    }
  }

  private interface Parse {
    void run() throws InvalidProtocolBufferException;
  }

  private static boolean parses(Parse parse) {
    try {
      parse.run();
      return true;
    } catch (InvalidProtocolBufferException e) {
      return false;
    }
  }

  private static AnyValue nested(int depth, java.util.function.UnaryOperator<AnyValue> wrap) {
    AnyValue value = AnyValue.newBuilder().setStringValue("x").build();
    for (int i = 0; i < depth; i++) {
      value = wrap.apply(value);
    }
    return value;
  }

  private static AnyValue inKvlist(AnyValue value) {
    return AnyValue.newBuilder()
        .setKvlistValue(
            KeyValueList.newBuilder().addValues(KeyValue.newBuilder().setKey("k").setValue(value)))
        .build();
  }

  private static AnyValue inArray(AnyValue value) {
    return AnyValue.newBuilder().setArrayValue(ArrayValue.newBuilder().addValues(value)).build();
  }

  /** {@code depth} groups, each the only field of the one around it, in field 1000. */
  private static UnknownFieldSet groups(int depth) {
    UnknownFieldSet set = UnknownFieldSet.getDefaultInstance();
    for (int i = 0; i < depth; i++) {
      set =
          UnknownFieldSet.newBuilder()
              .addField(1000, UnknownFieldSet.Field.newBuilder().addGroup(set).build())
              .build();
    }
    return set;
  }

  private static byte[] spanWithAttribute(AnyValue value) {
    return spanWithAttributeBytes(value.toByteArray());
  }

  private static byte[] spanWithAttributeBytes(byte[] value) {
    Span span =
        Span.newBuilder()
            .setName("deep")
            .addAttributes(
                KeyValue.newBuilder().setKey("deep").setValue(AnyValue.getDefaultInstance()))
            .build();
    // The value goes in as bytes, so that depths protobuf-java cannot serialize can be built.
    byte[] keyValue =
        concat(
            concat(tagLength(1, 4), "deep".getBytes()), concat(tagLength(2, value.length), value));
    byte[] spanBytes =
        concat(
            span.toBuilder().clearAttributes().build().toByteArray(),
            concat(tagLength(9, keyValue.length), keyValue));
    byte[] scope = concat(tagLength(2, spanBytes.length), spanBytes);
    byte[] resource = concat(tagLength(2, scope.length), scope);
    return concat(tagLength(1, resource.length), resource);
  }

  private static byte[] tagLength(int field, int length) {
    ByteString.Output out = ByteString.newOutput();
    try {
      com.google.protobuf.CodedOutputStream coded =
          com.google.protobuf.CodedOutputStream.newInstance(out);
      coded.writeTag(field, 2);
      coded.writeUInt32NoTag(length);
      coded.flush();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteString().toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }
}
