package otelgw.core.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.trace.v1.Span;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** OtlpJson against request bodies captured from the JavaScript and Java SDKs. */
class OtlpJsonTestdataTest {

  static Stream<Arguments> jsCaptures() {
    return Stream.of(
        Arguments.of("js-traces", ExportTraceServiceRequest.getDefaultInstance()),
        Arguments.of("js-metrics", ExportMetricsServiceRequest.getDefaultInstance()),
        Arguments.of("js-logs-string-body", ExportLogsServiceRequest.getDefaultInstance()),
        Arguments.of("js-logs-map-body", ExportLogsServiceRequest.getDefaultInstance()));
  }

  static Stream<Arguments> protobufCaptures() {
    return Stream.concat(
        jsCaptures().map(a -> Arguments.of(a.get()[0] + ".pb", a.get()[1])),
        Stream.of(Arguments.of("java-traces.pb", ExportTraceServiceRequest.getDefaultInstance())));
  }

  // The .json and .pb files were captured in separate runs of the same program: every id and
  // timestamp differs, everything else must be identical.
  @ParameterizedTest
  @MethodSource("jsCaptures")
  void jsonCaptureDecodesToTheProtobufCaptureApartFromIdsAndTimes(String name, Message type)
      throws Exception {
    Message fromJson = OtlpJson.decode(TestData.read(name + ".json"), type);
    Message fromProtobuf = parse(TestData.read(name + ".pb"), type);

    assertThat(WithoutIdsAndTimes.of(fromJson)).isEqualTo(WithoutIdsAndTimes.of(fromProtobuf));
    assertThat(fromJson).isNotEqualTo(type);
  }

  @Test
  void idsAndTimesOfTheTraceCaptureDecodeExactly() throws Exception {
    ExportTraceServiceRequest request =
        OtlpJson.decode(
            TestData.read("js-traces.json"), ExportTraceServiceRequest.getDefaultInstance());

    Span span = request.getResourceSpans(0).getScopeSpans(0).getSpans(0);
    assertThat(span.getTraceId()).isEqualTo(hex("79897fbe880b3292bb0b5c95b2c75303"));
    assertThat(span.getSpanId()).isEqualTo(hex("1e6a7dadb898a1af"));
    assertThat(span.getParentSpanId()).isEmpty();
    assertThat(span.getStartTimeUnixNano()).isEqualTo(1795581644710000000L);
    assertThat(span.getEndTimeUnixNano()).isEqualTo(1795581644710350157L);
    assertThat(span.getEvents(0).getTimeUnixNano()).isEqualTo(1795581644710244504L);
    assertThat(span.getAttributes(2).getValue().getIntValue()).isEqualTo(200);
  }

  @ParameterizedTest
  @MethodSource("protobufCaptures")
  void protobufCaptureRoundTripsThroughJson(String file, Message type) throws Exception {
    Message message = parse(TestData.read(file), type);

    assertThat(OtlpJson.decode(OtlpJson.encode(message), type)).isEqualTo(message);
  }

  @ParameterizedTest
  @MethodSource("jsCaptures")
  void jsonCaptureRoundTrips(String name, Message type) throws Exception {
    Message message = OtlpJson.decode(TestData.read(name + ".json"), type);

    assertThat(OtlpJson.decode(OtlpJson.encode(message), type)).isEqualTo(message);
  }

  @Test
  void encodesTheJavaCaptureTheWayTheSpecAsks() throws Exception {
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.parseFrom(TestData.read("java-traces.pb"));

    String json = new String(OtlpJson.encode(request), StandardCharsets.UTF_8);

    assertThat(json)
        .startsWith("{\"resourceSpans\":[{\"resource\":{\"attributes\":[")
        .contains("\"traceId\":\"f40a59c1b453d7f3dad18eda7375a38b\"")
        .contains("\"spanId\":\"e35e99cab2a4671b\"")
        .contains("\"kind\":1")
        .contains("\"startTimeUnixNano\":\"1795581658590310475\"")
        .contains("\"flags\":257")
        .contains("{\"key\":\"probe.seq\",\"value\":{\"intValue\":\"0\"}}")
        .doesNotContain("parentSpanId")
        .doesNotContain("dropped");
  }

  private static Message parse(byte[] bytes, Message type) throws InvalidProtocolBufferException {
    return type.getParserForType().parseFrom(bytes);
  }

  private static ByteString hex(String hex) {
    return ByteString.copyFrom(HexFormat.of().parseHex(hex));
  }
}
