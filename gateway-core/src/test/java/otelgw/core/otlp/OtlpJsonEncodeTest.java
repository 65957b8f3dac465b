package otelgw.core.otlp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.ArrayValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.common.v1.KeyValueList;
import io.opentelemetry.proto.metrics.v1.Exemplar;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** What OtlpJson writes, and that it reads back what it writes. */
class OtlpJsonEncodeTest {

  @Test
  void writesWhatTheSpecAsksOfSenders() {
    Span span =
        Span.newBuilder()
            .setTraceId(hex("5B8EFFF798038103D269B633813FC60C"))
            .setSpanId(hex("EEE19B7EC3C1B174"))
            .setName("GET /")
            .setKind(Span.SpanKind.SPAN_KIND_CLIENT)
            .setStartTimeUnixNano(1795581644710000000L)
            .setFlags(257)
            .setDroppedAttributesCount(0)
            .setStatus(
                io.opentelemetry.proto.trace.v1.Status.newBuilder()
                    .setCode(io.opentelemetry.proto.trace.v1.Status.StatusCode.STATUS_CODE_OK))
            .build();

    assertThat(json(span))
        .isEqualTo(
            "{\"traceId\":\"5b8efff798038103d269b633813fc60c\",\"spanId\":\"eee19b7ec3c1b174\","
                + "\"flags\":257,\"name\":\"GET /\",\"kind\":3,"
                + "\"startTimeUnixNano\":\"1795581644710000000\",\"status\":{\"code\":1}}");
  }

  @Test
  void writesSetOneofMembersEvenAtTheirDefault() {
    assertThat(json(AnyValue.newBuilder().setIntValue(0).build()))
        .isEqualTo("{\"intValue\":\"0\"}");
    assertThat(json(AnyValue.newBuilder().setBoolValue(false).build()))
        .isEqualTo("{\"boolValue\":false}");
    assertThat(json(AnyValue.newBuilder().setStringValue("").build()))
        .isEqualTo("{\"stringValue\":\"\"}");
    assertThat(json(AnyValue.getDefaultInstance())).isEqualTo("{}");
  }

  @Test
  void writesSetProto3OptionalFieldsEvenAtZero() {
    HistogramDataPoint point = HistogramDataPoint.newBuilder().setSum(0).setCount(0).build();

    assertThat(json(point)).isEqualTo("{\"sum\":0.0}");
  }

  @Test
  void writesNonFiniteDoublesAsStrings() throws Exception {
    NumberDataPoint nan = NumberDataPoint.newBuilder().setAsDouble(Double.NaN).build();
    NumberDataPoint inf =
        NumberDataPoint.newBuilder().setAsDouble(Double.NEGATIVE_INFINITY).build();

    assertThat(json(nan)).isEqualTo("{\"asDouble\":\"NaN\"}");
    assertThat(json(inf)).isEqualTo("{\"asDouble\":\"-Infinity\"}");
    assertRoundTrips(nan);
    assertRoundTrips(inf);
  }

  @Test
  void writesUnsignedSixtyFourBitValuesInFull() throws Exception {
    Span span = Span.newBuilder().setEndTimeUnixNano(-1L).setDroppedLinksCount(-1).build();

    assertThat(json(span))
        .isEqualTo(
            "{\"endTimeUnixNano\":\"18446744073709551615\",\"droppedLinksCount\":4294967295}");
    assertRoundTrips(span);
  }

  @Test
  void writesOtherBytesAsBase64() throws Exception {
    AnyValue value =
        AnyValue.newBuilder().setBytesValue(ByteString.copyFrom(new byte[] {1, 2, 3, -1})).build();

    assertThat(json(value)).isEqualTo("{\"bytesValue\":\"AQID/w==\"}");
    assertRoundTrips(value);
  }

  @Test
  void writesUnknownEnumNumbersAsNumbers() throws Exception {
    Span span = Span.newBuilder().setKindValue(42).build();

    assertThat(json(span)).isEqualTo("{\"kind\":42}");
    assertRoundTrips(span);
  }

  @Test
  void roundTripsEverythingATraceRequestCanHold() throws Exception {
    AnyValue nested =
        AnyValue.newBuilder()
            .setKvlistValue(
                KeyValueList.newBuilder()
                    .addValues(keyValue("d", AnyValue.newBuilder().setDoubleValue(-0.0).build()))
                    .addValues(
                        keyValue(
                            "arr",
                            AnyValue.newBuilder()
                                .setArrayValue(
                                    ArrayValue.newBuilder()
                                        .addValues(AnyValue.newBuilder().setIntValue(-7))
                                        .addValues(AnyValue.getDefaultInstance())
                                        .addValues(
                                            AnyValue.newBuilder().setStringValue("\"\\\n\u00e9")))
                                .build())))
            .build();
    Span span =
        Span.newBuilder()
            .setTraceId(hex("0102030405060708090a0b0c0d0e0f10"))
            .setSpanId(hex("0102030405060708"))
            .setParentSpanId(hex("a1a2a3a4a5a6a7a8"))
            .setTraceState("k=v")
            .setName("n")
            .addAttributes(keyValue("nested", nested))
            .addEvents(Span.Event.newBuilder().setName("e").setTimeUnixNano(5))
            .addLinks(
                Span.Link.newBuilder()
                    .setTraceId(hex("ffffffffffffffffffffffffffffffff"))
                    .setSpanId(hex("ffffffffffffffff"))
                    .setFlags(1))
            .setDroppedEventsCount(2)
            .setStatus(io.opentelemetry.proto.trace.v1.Status.newBuilder().setMessage("m"))
            .build();
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(
                ResourceSpans.newBuilder()
                    .setSchemaUrl("https://opentelemetry.io/schemas/1.30.0")
                    .addScopeSpans(ScopeSpans.newBuilder().addSpans(span).addSpans(span)))
            .addResourceSpans(ResourceSpans.getDefaultInstance())
            .build();

    assertRoundTrips(request);
  }

  @Test
  void roundTripsMetricsWithExemplars() throws Exception {
    ExportMetricsServiceRequest request =
        ExportMetricsServiceRequest.newBuilder()
            .addResourceMetrics(
                ResourceMetrics.newBuilder()
                    .addScopeMetrics(
                        ScopeMetrics.newBuilder()
                            .addMetrics(
                                Metric.newBuilder()
                                    .setName("g")
                                    .setGauge(
                                        Gauge.newBuilder()
                                            .addDataPoints(
                                                NumberDataPoint.newBuilder()
                                                    .setAsInt(-3)
                                                    .addExemplars(
                                                        Exemplar.newBuilder()
                                                            .setSpanId(hex("0102030405060708"))
                                                            .setAsDouble(1.5)))))))
            .build();

    assertThat(json(request))
        .contains("\"spanId\":\"0102030405060708\"")
        .contains("\"asInt\":\"-3\"");
    assertRoundTrips(request);
  }

  @Test
  void writesStatusWithoutDetailsAndRefusesAnyDetails() throws Exception {
    Status plain = Status.newBuilder().setCode(8).setMessage("over the limit").build();
    Status withDetails =
        plain.toBuilder().addDetails(Any.pack(ErrorInfo.getDefaultInstance())).build();

    assertThat(json(plain)).isEqualTo("{\"code\":8,\"message\":\"over the limit\"}");
    assertRoundTrips(plain);
    assertThatThrownBy(() -> OtlpJson.encode(withDetails))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("google.protobuf.Any has a special JSON form");
  }

  @Test
  void writesProtoMapsAsObjects() throws Exception {
    ErrorInfo info = ErrorInfo.newBuilder().setReason("R").putMetadata("k", "v").build();

    assertThat(json(info)).isEqualTo("{\"reason\":\"R\",\"metadata\":{\"k\":\"v\"}}");
    assertRoundTrips(info);
  }

  @Test
  void encodesBuildersToo() {
    assertThat(json(Span.newBuilder().setName("b"))).isEqualTo("{\"name\":\"b\"}");
  }

  private static void assertRoundTrips(Message message) throws OtlpJsonException {
    assertThat(OtlpJson.decode(OtlpJson.encode(message), message.getDefaultInstanceForType()))
        .isEqualTo(message);
  }

  private static KeyValue keyValue(String key, AnyValue value) {
    return KeyValue.newBuilder().setKey(key).setValue(value).build();
  }

  private static String json(MessageOrBuilder message) {
    return new String(OtlpJson.encode(message), UTF_8);
  }

  private static ByteString hex(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }
}
