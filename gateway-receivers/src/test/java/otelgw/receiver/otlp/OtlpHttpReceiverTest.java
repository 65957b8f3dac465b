package otelgw.receiver.otlp;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static otelgw.receiver.otlp.OtlpGrpcReceiverTest.assertSucceeds;
import static otelgw.receiver.otlp.OtlpGrpcReceiverTest.stringAttribute;

import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.sdk.common.CompletableResultCode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import otelgw.config.Signal;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.telemetry.MetricNames;

class OtlpHttpReceiverTest {

  static final Path TESTDATA = Path.of("../../shared/testdata/otlp");

  private final HttpClient client =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private RunningReceiver running;

  @AfterEach
  void tearDown() {
    if (running != null) {
      running.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "gzip"})
  void takesSpansFromTheSdkExporter(String compression) throws Exception {
    running = RunningReceiver.start();
    try (OtlpHttpSpanExporter exporter =
        OtlpHttpSpanExporter.builder()
            .setEndpoint(running.httpUri("/v1/traces").toString())
            .setCompression(compression)
            .build()) {
      assertSucceeds(exporter.export(SdkData.spans(5)));
    }

    assertThat(running.traces.batches()).hasSize(1);
    assertThat(running.traces.items()).isEqualTo(5);
    ExportTraceServiceRequest request = running.traces.batches().get(0).message();
    assertThat(request.getResourceSpans(0).getResource().getAttributesList())
        .contains(stringAttribute("service.name", "checkout"));
    assertThat(request.getResourceSpans(0).getScopeSpans(0).getSpansList())
        .allSatisfy(
            span ->
                assertThat(span.getAttributesList())
                    .contains(stringAttribute("http.route", "/cart")));
    assertThat(
            running
                .meters
                .get(MetricNames.receiverAccepted(Signal.TRACES))
                .tag("transport", "http")
                .counter()
                .count())
        .isEqualTo(5);
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "gzip"})
  void takesMetricsFromTheSdkExporter(String compression) throws Exception {
    running = RunningReceiver.start();
    try (OtlpHttpMetricExporter exporter =
        OtlpHttpMetricExporter.builder()
            .setEndpoint(running.httpUri("/v1/metrics").toString())
            .setCompression(compression)
            .build()) {
      assertSucceeds(exporter.export(SdkData.metrics()));
    }

    assertThat(running.metrics.items()).isEqualTo(3);
    assertThat(
            running
                .metrics
                .batches()
                .get(0)
                .message()
                .getResourceMetrics(0)
                .getScopeMetrics(0)
                .getMetricsList())
        .extracting(m -> m.getName())
        .containsExactlyInAnyOrder("requests", "latency");
  }

  @ParameterizedTest
  @ValueSource(strings = {"none", "gzip"})
  void takesLogsFromTheSdkExporter(String compression) throws Exception {
    running = RunningReceiver.start();
    try (OtlpHttpLogRecordExporter exporter =
        OtlpHttpLogRecordExporter.builder()
            .setEndpoint(running.httpUri("/v1/logs").toString())
            .setCompression(compression)
            .build()) {
      assertSucceeds(exporter.export(SdkData.logs(2)));
    }

    assertThat(running.logs.items()).isEqualTo(2);
    assertThat(
            running
                .logs
                .batches()
                .get(0)
                .message()
                .getResourceLogs(0)
                .getScopeLogs(0)
                .getLogRecords(1)
                .getAttributesList())
        .contains(stringAttribute("user.action", "login"));
  }

  @Test
  void theSdkExporterFailsWhenRefused() throws Exception {
    running = RunningReceiver.start();
    running.logs.refuse(true);
    try (OtlpHttpLogRecordExporter exporter =
        OtlpHttpLogRecordExporter.builder()
            .setEndpoint(running.httpUri("/v1/logs").toString())
            .setRetryPolicy(null)
            .build()) {
      CompletableResultCode result = exporter.export(SdkData.logs(1)).join(10, SECONDS);
      assertThat(result.isDone()).isTrue();
      assertThat(result.isSuccess()).isFalse();
    }
    assertThat(running.logs.batches()).isEmpty();
    assertThat(
            running
                .meters
                .get(MetricNames.receiverRefused(Signal.LOGS))
                .tag("transport", "http")
                .counter()
                .count())
        .isEqualTo(1);
  }

  @ParameterizedTest
  @CsvSource({
    "js-traces, /v1/traces, TRACES",
    "js-metrics, /v1/metrics, METRICS",
    "js-logs-string-body, /v1/logs, LOGS",
    "js-logs-map-body, /v1/logs, LOGS"
  })
  void takesJsonAndProtobufBodiesCapturedFromSdks(String file, String path, Signal signal)
      throws Exception {
    running = RunningReceiver.start();
    byte[] pb = Files.readAllBytes(TESTDATA.resolve(file + ".pb"));
    byte[] json = Files.readAllBytes(TESTDATA.resolve(file + ".json"));
    int expectedItems = BatchType.of(signal).fromWire(pb.clone()).itemCount();
    assertThat(expectedItems).isPositive();

    HttpResponse<byte[]> pbAnswer = post(path, "application/x-protobuf", pb);
    HttpResponse<byte[]> jsonAnswer = post(path, "application/json", json);

    assertThat(pbAnswer.statusCode()).isEqualTo(200);
    assertThat(pbAnswer.headers().firstValue("content-type")).hasValue("application/x-protobuf");
    assertThat(pbAnswer.body()).isEmpty();
    assertThat(jsonAnswer.statusCode()).isEqualTo(200);
    assertThat(jsonAnswer.headers().firstValue("content-type")).hasValue("application/json");
    assertThat(new String(jsonAnswer.body(), UTF_8)).isEqualTo("{}");
    SinkIngress<?> sink = sink(signal);
    assertThat(sink.batches()).hasSize(2);
    assertThat(sink.batches()).extracting(Batch::itemCount).containsOnly(expectedItems);
    // The JSON decodes to the same content as the protobuf the same SDK sent.
    Batch<?> fromPb = sink.batches().get(0);
    Batch<?> fromJson = sink.batches().get(1);
    assertThat(fromPb.hasWireBytes()).isTrue();
    assertThat(fromJson.isDecoded()).isTrue();
  }

  @Test
  void takesTheJavaSdkProtobufCapture() throws Exception {
    running = RunningReceiver.start();
    byte[] pb = Files.readAllBytes(TESTDATA.resolve("java-traces.pb"));

    HttpResponse<byte[]> answer = post("/v1/traces", "application/x-protobuf", pb);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(running.traces.items()).isEqualTo(3);
    assertThat(running.traces.batches().get(0).toByteArray()).isEqualTo(pb);
  }

  @Test
  void takesGzippedJsonWithACharsetParameter() throws Exception {
    running = RunningReceiver.start();
    byte[] json = Files.readAllBytes(TESTDATA.resolve("js-traces.json"));

    HttpResponse<byte[]> answer =
        client.send(
            HttpRequest.newBuilder(running.httpUri("/v1/traces"))
                .header("Content-Type", "Application/JSON; charset=utf-8")
                .header("Content-Encoding", "gzip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(gzip(json)))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(running.traces.items()).isEqualTo(1);
  }

  @Test
  void servesConfiguredPaths() throws Exception {
    running =
        RunningReceiver.start(
            """
            protocols:
              http: { endpoint: "127.0.0.1:0", traces_url_path: /custom/spans }
            """);
    byte[] pb = Files.readAllBytes(TESTDATA.resolve("js-traces.pb"));

    assertThat(post("/custom/spans", "application/x-protobuf", pb).statusCode()).isEqualTo(200);
    assertThat(post("/v1/traces", "application/x-protobuf", pb).statusCode()).isEqualTo(404);
    assertThat(running.traces.items()).isEqualTo(1);
    assertThat(running.receiver.grpcAddress()).isNull();
  }

  private HttpResponse<byte[]> post(String path, String contentType, byte[] body) throws Exception {
    return client.send(
        HttpRequest.newBuilder(running.httpUri(path))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private SinkIngress<?> sink(Signal signal) {
    return switch (signal) {
      case TRACES -> running.traces;
      case METRICS -> running.metrics;
      case LOGS -> running.logs;
    };
  }

  static byte[] gzipUnchecked(byte[] bytes) {
    try {
      return gzip(bytes);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] gzip(byte[] bytes) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    }
    return out.toByteArray();
  }
}
