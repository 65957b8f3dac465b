package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import otelgw.app.ClientExporters.Protocol;
import otelgw.app.GatewayConfigs.Upstream;
import otelgw.testing.OtlpBackend;

/**
 * The real gateway between the SDK's own OTLP exporters and an OTLP backend: every span, data point
 * and log record sent arrives once, unchanged, over each pair of transports.
 */
class EndToEndTest {

  private OtlpBackend backend;

  @BeforeEach
  void startBackend() {
    backend = OtlpBackend.start();
  }

  @AfterEach
  void stopBackend() {
    backend.close();
  }

  static Stream<Arguments> transports() {
    return Stream.of(
        Arguments.of(Protocol.GRPC, Upstream.GRPC, "none"),
        Arguments.of(Protocol.HTTP, Upstream.HTTP, "none"),
        Arguments.of(Protocol.GRPC, Upstream.HTTP, "gzip"),
        Arguments.of(Protocol.HTTP, Upstream.GRPC, "gzip"));
  }

  @ParameterizedTest(name = "{0} in, {1} out, {2}")
  @MethodSource("transports")
  void everySpanArrivesOnceWithItsAttributes(Protocol in, Upstream out, String compression)
      throws Exception {
    List<SpanData> sent = TestTelemetry.spans("e2e", 50);
    try (RunningGateway gateway = RunningGateway.start(GatewayConfigs.forward(backend, out));
        ClientExporters client = new ClientExporters(gateway, in, compression)) {
      assertThat(client.exportSpans(sent.subList(0, 20))).isTrue();
      assertThat(client.exportSpans(sent.subList(20, 50))).isTrue();

      await().atMost(Duration.ofSeconds(10)).until(() -> backend.spanCount() >= 50);
      Map<String, Span> received =
          backend.spans().stream().collect(Collectors.toMap(Span::getName, Function.identity()));
      assertThat(received).hasSize(50);
      for (SpanData span : sent) {
        Span arrived = received.get(span.getName());
        assertThat(arrived.getSpanId().toByteArray())
            .isEqualTo(span.getSpanContext().getSpanIdBytes());
        assertThat(attributes(arrived.getAttributesList()))
            .containsEntry(
                "test.index", Long.toString(span.getAttributes().get(TestTelemetry.INDEX)))
            .containsEntry("test.payload", span.getAttributes().get(TestTelemetry.PAYLOAD));
        assertThat(arrived.getEventsList()).hasSize(1);
      }
      assertThat(gateway.counter("otelcol.receiver.accepted.spans")).isEqualTo(50);
      await()
          .untilAsserted(
              () -> assertThat(gateway.counter("otelcol.exporter.sent.spans")).isEqualTo(50));
    }
    await().pollDelay(Duration.ofMillis(200)).until(() -> true);
    assertThat(backend.spanCount()).as("nothing arrives twice").isEqualTo(50);
  }

  @ParameterizedTest(name = "{0} in, {1} out, {2}")
  @MethodSource("transports")
  void metricsAndLogsArriveExactlyOnceWithTheirAttributes(
      Protocol in, Upstream out, String compression) throws Exception {
    try (RunningGateway gateway = RunningGateway.start(GatewayConfigs.forward(backend, out));
        ClientExporters client = new ClientExporters(gateway, in, compression)) {
      assertThat(client.exportMetrics(TestTelemetry.metrics(7))).isTrue();
      assertThat(client.exportLogs(TestTelemetry.logs("log", 12))).isTrue();

      await().atMost(Duration.ofSeconds(10)).until(() -> backend.metricPointCount() >= 7);
      await().atMost(Duration.ofSeconds(10)).until(() -> backend.logRecordCount() >= 12);
      assertThat(gateway.counter("otelcol.receiver.accepted.metric_points")).isEqualTo(7);
      assertThat(gateway.counter("otelcol.receiver.accepted.log_records")).isEqualTo(12);
      await()
          .untilAsserted(
              () -> {
                assertThat(gateway.counter("otelcol.exporter.sent.metric_points")).isEqualTo(7);
                assertThat(gateway.counter("otelcol.exporter.sent.log_records")).isEqualTo(12);
              });
    }
    // The gateway is shut down and drained: whatever was going to arrive has arrived.
    await().pollDelay(Duration.ofMillis(200)).until(() -> true);
    assertThat(backend.metricPointCount()).as("no metric point arrives twice").isEqualTo(7);
    assertThat(backend.logRecordCount()).as("no log record arrives twice").isEqualTo(12);

    assertThat(backend.metricsRequests())
        .flatExtracting(ExportMetricsServiceRequest::getResourceMetricsList)
        .allSatisfy(
            r ->
                assertThat(attributes(r.getResource().getAttributesList()))
                    .containsEntry("service.name", "otelgw-test"));
    assertThat(backend.metrics()).extracting(Metric::getName).containsExactly("test.requests");
    List<NumberDataPoint> points = backend.metrics().get(0).getSum().getDataPointsList();
    assertThat(points)
        .extracting(p -> attributes(p.getAttributesList()), p -> p.getAsInt())
        .containsExactlyInAnyOrderElementsOf(
            Stream.iterate(0, i -> i + 1)
                .limit(7)
                .map(i -> tuple(Map.of("test.index", Long.toString(i)), (long) i + 1))
                .toList());

    assertThat(backend.logsRequests())
        .flatExtracting(ExportLogsServiceRequest::getResourceLogsList)
        .allSatisfy(
            r ->
                assertThat(attributes(r.getResource().getAttributesList()))
                    .containsEntry("service.name", "otelgw-test"));
    assertThat(backend.logRecords())
        .extracting(
            r -> r.getBody().getStringValue(),
            r -> attributes(r.getAttributesList()),
            LogRecord::getSeverityNumber)
        .containsExactlyInAnyOrderElementsOf(
            Stream.iterate(0, i -> i + 1)
                .limit(12)
                .map(
                    i ->
                        tuple(
                            "log-" + i,
                            Map.of("test.index", Long.toString(i)),
                            SeverityNumber.SEVERITY_NUMBER_WARN))
                .toList());
  }

  private static Map<String, String> attributes(List<KeyValue> attributes) {
    return attributes.stream()
        .collect(
            Collectors.toMap(
                KeyValue::getKey,
                kv ->
                    kv.getValue().hasIntValue()
                        ? Long.toString(kv.getValue().getIntValue())
                        : kv.getValue().getStringValue()));
  }
}
