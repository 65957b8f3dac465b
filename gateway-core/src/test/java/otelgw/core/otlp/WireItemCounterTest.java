package otelgw.core.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.DynamicMessage;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import io.opentelemetry.proto.metrics.v1.ExponentialHistogram;
import io.opentelemetry.proto.metrics.v1.Gauge;
import io.opentelemetry.proto.metrics.v1.Histogram;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.metrics.v1.ResourceMetrics;
import io.opentelemetry.proto.metrics.v1.ScopeMetrics;
import io.opentelemetry.proto.metrics.v1.Sum;
import io.opentelemetry.proto.metrics.v1.Summary;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import otelgw.config.Signal;

/** WireItemCounter counts what parsing would find. */
class WireItemCounterTest {

  @Test
  void walksTheFieldNumbersOfTheProtoDefinitions() {
    assertThat(number(ExportTraceServiceRequest.getDescriptor(), "resource_spans")).isEqualTo(1);
    assertThat(number(ResourceSpans.getDescriptor(), "scope_spans")).isEqualTo(2);
    assertThat(number(ScopeSpans.getDescriptor(), "spans")).isEqualTo(2);

    assertThat(number(ExportLogsServiceRequest.getDescriptor(), "resource_logs")).isEqualTo(1);
    assertThat(number(ResourceLogs.getDescriptor(), "scope_logs")).isEqualTo(2);
    assertThat(number(ScopeLogs.getDescriptor(), "log_records")).isEqualTo(2);

    assertThat(number(ExportMetricsServiceRequest.getDescriptor(), "resource_metrics"))
        .isEqualTo(1);
    assertThat(number(ResourceMetrics.getDescriptor(), "scope_metrics")).isEqualTo(2);
    assertThat(number(ScopeMetrics.getDescriptor(), "metrics")).isEqualTo(2);
    Descriptor metric = Metric.getDescriptor();
    assertThat(number(metric, "gauge")).isEqualTo(5);
    assertThat(number(metric, "sum")).isEqualTo(7);
    assertThat(number(metric, "histogram")).isEqualTo(9);
    assertThat(number(metric, "exponential_histogram")).isEqualTo(10);
    assertThat(number(metric, "summary")).isEqualTo(11);
    assertThat(metric.findFieldByName("gauge").getRealContainingOneof().getFields()).hasSize(5);
    for (Descriptor data :
        new Descriptor[] {
          Gauge.getDescriptor(),
          Sum.getDescriptor(),
          Histogram.getDescriptor(),
          ExponentialHistogram.getDescriptor(),
          Summary.getDescriptor()
        }) {
      assertThat(number(data, "data_points")).as(data.getName()).isEqualTo(1);
    }
  }

  @Test
  void countsTheCapturedRequests() throws Exception {
    assertCounts(ExportTraceServiceRequest.parseFrom(TestData.read("js-traces.pb")), 1);
    assertCounts(ExportTraceServiceRequest.parseFrom(TestData.read("java-traces.pb")), 3);
    assertCounts(ExportMetricsServiceRequest.parseFrom(TestData.read("js-metrics.pb")), 4);
    assertCounts(ExportLogsServiceRequest.parseFrom(TestData.read("js-logs-string-body.pb")), 1);
    assertCounts(ExportLogsServiceRequest.parseFrom(TestData.read("js-logs-map-body.pb")), 1);
  }

  @Test
  void countsGeneratedRequestsOfEveryShape() throws Exception {
    RandomRequests random = new RandomRequests(42);
    for (int i = 0; i < 300; i++) {
      ExportTraceServiceRequest traces = random.traces();
      ExportMetricsServiceRequest metrics = random.metrics();
      ExportLogsServiceRequest logs = random.logs();

      assertCounts(traces, RandomRequests.items(traces));
      assertCounts(metrics, RandomRequests.items(metrics));
      assertCounts(logs, RandomRequests.items(logs));
    }
  }

  @Test
  void countsAnEmptyRequestAsZero() throws Exception {
    for (Signal signal : Signal.values()) {
      assertThat(WireItemCounter.count(signal, new byte[0])).isZero();
    }
  }

  @Test
  void countsARangeOfAnArray() throws Exception {
    byte[] request = TestData.read("java-traces.pb");
    byte[] framed = new byte[request.length + 10];
    System.arraycopy(request, 0, framed, 5, request.length);

    assertThat(WireItemCounter.count(Signal.TRACES, framed, 5, request.length)).isEqualTo(3);
    assertThatThrownBy(() -> WireItemCounter.count(Signal.TRACES, framed, 5, framed.length))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void countsOnlyTheLastKindOfDataOfAMetricAsParsingKeepsIt() throws Exception {
    byte[] gaugeOfTwo = Metric.newBuilder().setGauge(gauge(2)).build().toByteArray();
    byte[] gaugeOfOne = Metric.newBuilder().setGauge(gauge(1)).build().toByteArray();
    byte[] sumOfThree =
        Metric.newBuilder()
            .setSum(
                Sum.newBuilder()
                    .addDataPoints(point())
                    .addDataPoints(point())
                    .addDataPoints(point()))
            .build()
            .toByteArray();

    // Concatenated messages merge: the same member merges, another member replaces.
    assertCountsOneMetric(3, gaugeOfTwo, gaugeOfOne);
    assertCountsOneMetric(3, gaugeOfTwo, sumOfThree);
    assertCountsOneMetric(1, gaugeOfTwo, sumOfThree, gaugeOfOne);
    assertCountsOneMetric(3, sumOfThree, gaugeOfTwo, gaugeOfOne);
  }

  @Test
  void skipsUnknownFieldsOfEveryWireTypeIncludingGroups() throws Exception {
    ByteString unknown = unknownFields();
    Span span = Span.newBuilder().setName("s").build();
    ScopeSpans scope =
        ScopeSpans.newBuilder()
            .addSpans(span)
            .addSpans(span)
            .setUnknownFields(parse(unknown))
            .build();
    ResourceSpans resource =
        ResourceSpans.newBuilder().addScopeSpans(scope).setUnknownFields(parse(unknown)).build();
    ExportTraceServiceRequest request =
        ExportTraceServiceRequest.newBuilder()
            .addResourceSpans(resource)
            .addResourceSpans(resource)
            .setUnknownFields(parse(unknown))
            .build();

    assertCounts(request, 4);
  }

  @Test
  void treatsAPathFieldWithAnotherWireTypeAsUnknown() throws Exception {
    // Field 1 as a varint instead of a message: the parser keeps it as an unknown field.
    byte[] request = concat(new byte[] {0x08, 0x05}, TestData.read("java-traces.pb"));

    assertCountsAsParsedTraces(request, 3);
  }

  private static ByteString unknownFields() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeUInt64(100, Long.MIN_VALUE);
    out.writeFixed64(101, 7);
    out.writeFixed32(102, 7);
    out.writeBytes(103, ByteString.copyFromUtf8("x"));
    out.writeTag(104, 3);
    out.writeTag(105, 3);
    out.writeUInt32(1, 1);
    out.writeTag(105, 4);
    out.writeTag(104, 4);
    out.flush();
    return ByteString.copyFrom(bytes.toByteArray());
  }

  private static com.google.protobuf.UnknownFieldSet parse(ByteString bytes) throws IOException {
    return com.google.protobuf.UnknownFieldSet.parseFrom(bytes);
  }

  private static Gauge gauge(int points) {
    Gauge.Builder gauge = Gauge.newBuilder();
    for (int i = 0; i < points; i++) {
      gauge.addDataPoints(point());
    }
    return gauge.build();
  }

  private static NumberDataPoint point() {
    return NumberDataPoint.newBuilder().setAsInt(1).build();
  }

  /** Wraps the concatenated metric messages, which merge into one metric, in a request. */
  private static void assertCountsOneMetric(int expected, byte[]... metricParts) throws Exception {
    byte[] scope = lengthDelimited(ScopeMetrics.METRICS_FIELD_NUMBER, concat(metricParts));
    byte[] resource = lengthDelimited(ResourceMetrics.SCOPE_METRICS_FIELD_NUMBER, scope);
    byte[] request =
        lengthDelimited(ExportMetricsServiceRequest.RESOURCE_METRICS_FIELD_NUMBER, resource);

    // DynamicMessage applies the spec's oneof rule: the last member seen replaces the others.
    // (The generated parser of protobuf-java 4.36 parses gauge, sum, gauge as both gauges merged.)
    DynamicMessage dynamic =
        DynamicMessage.parseFrom(ExportMetricsServiceRequest.getDescriptor(), request);
    ExportMetricsServiceRequest parsed =
        ExportMetricsServiceRequest.parseFrom(dynamic.toByteArray());
    assertThat(parsed.getResourceMetrics(0).getScopeMetrics(0).getMetricsCount()).isEqualTo(1);
    assertThat(RandomRequests.items(parsed)).as("parsed").isEqualTo(expected);
    assertThat(WireItemCounter.count(Signal.METRICS, request)).as("counted").isEqualTo(expected);
  }

  private static byte[] lengthDelimited(int field, byte[] body) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    out.writeBytes(field, ByteString.copyFrom(body));
    out.flush();
    return bytes.toByteArray();
  }

  private static void assertCountsAsParsedTraces(byte[] request, int expected) throws Exception {
    assertThat(RandomRequests.items(ExportTraceServiceRequest.parseFrom(request)))
        .isEqualTo(expected);
    assertThat(WireItemCounter.count(Signal.TRACES, request)).isEqualTo(expected);
  }

  private static void assertCounts(ExportTraceServiceRequest request, int expected)
      throws Exception {
    assertThat(RandomRequests.items(request)).isEqualTo(expected);
    assertThat(WireItemCounter.count(Signal.TRACES, request.toByteArray())).isEqualTo(expected);
  }

  private static void assertCounts(ExportMetricsServiceRequest request, int expected)
      throws Exception {
    assertThat(RandomRequests.items(request)).isEqualTo(expected);
    assertThat(WireItemCounter.count(Signal.METRICS, request.toByteArray())).isEqualTo(expected);
  }

  private static void assertCounts(ExportLogsServiceRequest request, int expected)
      throws Exception {
    assertThat(RandomRequests.items(request)).isEqualTo(expected);
    assertThat(WireItemCounter.count(Signal.LOGS, request.toByteArray())).isEqualTo(expected);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  private static int number(Descriptor message, String field) {
    return message.findFieldByName(field).getNumber();
  }
}
