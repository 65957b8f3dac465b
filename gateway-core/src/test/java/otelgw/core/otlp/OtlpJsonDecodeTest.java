package otelgw.core.otlp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Status;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.metrics.v1.HistogramDataPoint;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What OtlpJson accepts, rule by rule. */
class OtlpJsonDecodeTest {

  @Test
  void acceptsLowerCamelCaseAndProtoFieldNames() throws Exception {
    Span camel =
        decode("{\"traceState\":\"a=b\",\"droppedAttributesCount\":3}", Span.getDefaultInstance());
    Span snake =
        decode(
            "{\"trace_state\":\"a=b\",\"dropped_attributes_count\":3}", Span.getDefaultInstance());

    assertThat(camel.getTraceState()).isEqualTo("a=b");
    assertThat(camel.getDroppedAttributesCount()).isEqualTo(3);
    assertThat(snake).isEqualTo(camel);
  }

  @Test
  void ignoresUnknownFieldsWithTheirWholeValue() throws Exception {
    Span span =
        decode(
            "{\"name\":\"a\",\"future\":{\"x\":[1,{\"y\":null,\"z\":[[]]}],\"w\":\"v\"},"
                + "\"alsoNew\":[[{}],true],\"scalarNew\":1.5,\"kind\":1}",
            Span.getDefaultInstance());

    assertThat(span.getName()).isEqualTo("a");
    assertThat(span.getKind()).isEqualTo(SpanKind.SPAN_KIND_INTERNAL);
  }

  @Test
  void readsIdsAsHexOfEitherCase() throws Exception {
    Span span =
        decode(
            "{\"traceId\":\"5B8EFFF798038103D269B633813FC60C\",\"spanId\":\"eee19B7EC3C1B174\","
                + "\"parentSpanId\":\"\"}",
            Span.getDefaultInstance());

    assertThat(span.getTraceId()).isEqualTo(hex("5b8efff798038103d269b633813fc60c"));
    assertThat(span.getSpanId()).isEqualTo(hex("eee19b7ec3c1b174"));
    assertThat(span.getParentSpanId()).isEmpty();
  }

  @Test
  void readsIdsInLinksLogRecordsAndExemplarsAsHex() throws Exception {
    String ids = "\"traceId\":\"0102030405060708090a0b0c0d0e0f10\",\"spanId\":\"0102030405060708\"";
    Span.Link link = decode("{" + ids + "}", Span.Link.getDefaultInstance());
    var log =
        decode("{" + ids + "}", io.opentelemetry.proto.logs.v1.LogRecord.getDefaultInstance());
    var exemplar =
        decode("{" + ids + "}", io.opentelemetry.proto.metrics.v1.Exemplar.getDefaultInstance());

    ByteString spanId = hex("0102030405060708");
    assertThat(link.getSpanId()).isEqualTo(spanId);
    assertThat(log.getSpanId()).isEqualTo(spanId);
    assertThat(exemplar.getSpanId()).isEqualTo(spanId);
    assertThat(exemplar.getTraceId()).isEqualTo(hex("0102030405060708090a0b0c0d0e0f10"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"AQID/w==", "AQID/w", "AQID_w=="})
  void readsOtherBytesAsBase64StandardOrUrlSafe(String base64) throws Exception {
    AnyValue value = decode("{\"bytesValue\":\"" + base64 + "\"}", AnyValue.getDefaultInstance());

    assertThat(value.getBytesValue()).isEqualTo(ByteString.copyFrom(new byte[] {1, 2, 3, -1}));
  }

  @ParameterizedTest
  @ValueSource(strings = {"2", "\"SPAN_KIND_SERVER\"", "\"2\"", "2.0"})
  void readsEnumsAsNumbersOrNames(String kind) throws Exception {
    Span span = decode("{\"kind\":" + kind + "}", Span.getDefaultInstance());

    assertThat(span.getKind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
  }

  @Test
  void keepsEnumNumbersItDoesNotKnowAsTheBinaryParserDoes() throws Exception {
    Span span = decode("{\"kind\":42}", Span.getDefaultInstance());

    assertThat(span.getKindValue()).isEqualTo(42);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1795581644710000000",
        "\"1795581644710000000\"",
        "1.79558164471E18",
        "\"1.79558164471e18\""
      })
  void readsSixtyFourBitIntegersAsNumbersOrStrings(String time) throws Exception {
    Span span = decode("{\"startTimeUnixNano\":" + time + "}", Span.getDefaultInstance());

    assertThat(span.getStartTimeUnixNano()).isEqualTo(1795581644710000000L);
  }

  @Test
  void readsTheWholeUnsignedAndSignedSixtyFourBitRange() throws Exception {
    Span max = decode("{\"endTimeUnixNano\":\"18446744073709551615\"}", Span.getDefaultInstance());
    Span maxNumber =
        decode("{\"endTimeUnixNano\":18446744073709551615}", Span.getDefaultInstance());
    AnyValue min = decode("{\"intValue\":\"-9223372036854775808\"}", AnyValue.getDefaultInstance());
    AnyValue minNumber =
        decode("{\"intValue\":-9223372036854775808}", AnyValue.getDefaultInstance());

    assertThat(max.getEndTimeUnixNano()).isEqualTo(-1L);
    assertThat(maxNumber).isEqualTo(max);
    assertThat(min.getIntValue()).isEqualTo(Long.MIN_VALUE);
    assertThat(minNumber).isEqualTo(min);
  }

  @Test
  void readsThirtyTwoBitIntegersAsNumbersOrStrings() throws Exception {
    Span span =
        decode(
            "{\"droppedAttributesCount\":\"7\",\"droppedEventsCount\":4294967295,"
                + "\"flags\":\"257\"}",
            Span.getDefaultInstance());

    assertThat(span.getDroppedAttributesCount()).isEqualTo(7);
    assertThat(Integer.toUnsignedLong(span.getDroppedEventsCount())).isEqualTo(4294967295L);
    assertThat(span.getFlags()).isEqualTo(257);
  }

  @Test
  void readsDoublesAsNumbersOrSpecialStrings() throws Exception {
    assertThat(doubleValue("2.5")).isEqualTo(2.5);
    assertThat(doubleValue("\"2.5\"")).isEqualTo(2.5);
    assertThat(doubleValue("-3")).isEqualTo(-3.0);
    assertThat(doubleValue("1e-3")).isEqualTo(0.001);
    assertThat(doubleValue("\"NaN\"")).isNaN();
    assertThat(doubleValue("\"Infinity\"")).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(doubleValue("\"-Infinity\"")).isEqualTo(Double.NEGATIVE_INFINITY);
  }

  @Test
  void readsBooleansAsLiteralsOrStrings() throws Exception {
    assertThat(decode("{\"boolValue\":true}", AnyValue.getDefaultInstance()).getBoolValue())
        .isTrue();
    assertThat(decode("{\"boolValue\":\"true\"}", AnyValue.getDefaultInstance()).getBoolValue())
        .isTrue();
  }

  @Test
  void treatsNullAsNotSet() throws Exception {
    Span span =
        decode(
            "{\"name\":null,\"status\":null,\"attributes\":null,\"kind\":null,\"traceId\":null}",
            Span.getDefaultInstance());
    AnyValue value = decode("{\"stringValue\":null,\"intValue\":5}", AnyValue.getDefaultInstance());

    assertThat(span).isEqualTo(Span.getDefaultInstance());
    assertThat(span.hasStatus()).isFalse();
    assertThat(value.getValueCase()).isEqualTo(AnyValue.ValueCase.INT_VALUE);
  }

  @Test
  void readsEveryMemberOfTheAnyValueOneof() throws Exception {
    assertThat(anyValue("{\"stringValue\":\"\"}").getValueCase())
        .isEqualTo(AnyValue.ValueCase.STRING_VALUE);
    assertThat(anyValue("{\"intValue\":0}").getValueCase()).isEqualTo(AnyValue.ValueCase.INT_VALUE);
    assertThat(anyValue("{\"doubleValue\":0}").getValueCase())
        .isEqualTo(AnyValue.ValueCase.DOUBLE_VALUE);
    assertThat(anyValue("{\"boolValue\":false}").getValueCase())
        .isEqualTo(AnyValue.ValueCase.BOOL_VALUE);
    assertThat(anyValue("{\"bytesValue\":\"\"}").getValueCase())
        .isEqualTo(AnyValue.ValueCase.BYTES_VALUE);
    assertThat(anyValue("{\"arrayValue\":{}}").getValueCase())
        .isEqualTo(AnyValue.ValueCase.ARRAY_VALUE);
    assertThat(anyValue("{\"kvlistValue\":{}}").getValueCase())
        .isEqualTo(AnyValue.ValueCase.KVLIST_VALUE);
    assertThat(anyValue("{}").getValueCase()).isEqualTo(AnyValue.ValueCase.VALUE_NOT_SET);
  }

  @Test
  void readsNestedArraysAndKeyValueLists() throws Exception {
    AnyValue value =
        anyValue(
            "{\"kvlistValue\":{\"values\":[{\"key\":\"a\",\"value\":{\"arrayValue\":{\"values\":"
                + "[{\"intValue\":\"1\"},{\"kvlistValue\":{\"values\":[{\"key\":\"b\"}]}}]}}}]}}");

    AnyValue array = value.getKvlistValue().getValues(0).getValue();
    assertThat(array.getArrayValue().getValues(0).getIntValue()).isEqualTo(1);
    assertThat(array.getArrayValue().getValues(1).getKvlistValue().getValues(0).getKey())
        .isEqualTo("b");
  }

  @Test
  void keepsProto3OptionalFieldsSetToZero() throws Exception {
    HistogramDataPoint point =
        decode("{\"sum\":0,\"min\":0,\"count\":\"0\"}", HistogramDataPoint.getDefaultInstance());

    assertThat(point.hasSum()).isTrue();
    assertThat(point.hasMin()).isTrue();
    assertThat(point.hasMax()).isFalse();
  }

  @Test
  void readsProtoMapsAsObjects() throws Exception {
    ErrorInfo info =
        decode(
            "{\"reason\":\"QUOTA\",\"metadata\":{\"limit\":\"10\",\"unit\":\"rps\"}}",
            ErrorInfo.getDefaultInstance());

    assertThat(info.getReason()).isEqualTo("QUOTA");
    assertThat(info.getMetadataMap())
        .containsExactlyInAnyOrderEntriesOf(java.util.Map.of("limit", "10", "unit", "rps"));
  }

  @Test
  void readsStatusAndSkipsAnyDetails() throws Exception {
    Status status =
        decode(
            "{\"code\":3,\"message\":\"bad data\",\"details\":[{\"@type\":"
                + "\"type.googleapis.com/google.rpc.BadRequest\",\"fieldViolations\":[]}]}",
            Status.getDefaultInstance());

    assertThat(status.getCode()).isEqualTo(3);
    assertThat(status.getMessage()).isEqualTo("bad data");
    assertThat(status.getDetailsList()).isEmpty();
  }

  @Test
  void readsExportResponses() throws Exception {
    ExportTraceServiceResponse response =
        decode(
            "{\"partialSuccess\":{\"rejectedSpans\":\"5\",\"errorMessage\":\"too old\"}}",
            ExportTraceServiceResponse.getDefaultInstance());

    assertThat(response.getPartialSuccess().getRejectedSpans()).isEqualTo(5);
    assertThat(response.getPartialSuccess().getErrorMessage()).isEqualTo("too old");
  }

  @Test
  void decodesARangeOfAnArray() throws Exception {
    byte[] framed = "xx{\"resourceSpans\":[{}]}yy".getBytes(UTF_8);

    ExportTraceServiceRequest request =
        OtlpJson.decode(
            framed,
            2,
            framed.length - 4,
            ExportTraceServiceRequest.getDefaultInstance(),
            OtlpJsonOptions.defaults());

    assertThat(request.getResourceSpansCount()).isEqualTo(1);
  }

  @Test
  void readsNonAsciiStrings() throws Exception {
    Span span = decode("{\"name\":\"GET /caf\\u00e9 \u65e5\u672c\"}", Span.getDefaultInstance());

    assertThat(span.getName()).isEqualTo("GET /café 日本");
  }

  private static double doubleValue(String json) throws Exception {
    return decode("{\"asDouble\":" + json + "}", NumberDataPoint.getDefaultInstance())
        .getAsDouble();
  }

  private static AnyValue anyValue(String json) throws Exception {
    return decode(json, AnyValue.getDefaultInstance());
  }

  static <M extends Message> M decode(String json, M type) throws OtlpJsonException {
    return OtlpJson.decode(json.getBytes(UTF_8), type);
  }

  private static ByteString hex(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }
}
