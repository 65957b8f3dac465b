package otelgw.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import otelgw.config.ComponentId;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblems;
import otelgw.config.Signal;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.LogBatch;
import otelgw.core.batch.MetricBatch;
import otelgw.core.batch.TraceBatch;
import otelgw.core.component.ClientAuthenticator;
import otelgw.core.component.Component;
import otelgw.core.component.Exporter;
import otelgw.core.component.ExporterFactory;
import otelgw.core.component.ExporterSettings;
import otelgw.core.component.Extensions;
import otelgw.core.error.PermanentException;
import otelgw.core.error.RetryableException;
import otelgw.core.error.ThrottledException;
import otelgw.core.exporterhelper.PartialSuccess;
import otelgw.core.exporterhelper.Sender;
import otelgw.core.exporterhelper.Transport;
import otelgw.core.telemetry.MetricNames;
import otelgw.exporter.TestRequests;
import otelgw.testing.Fault;
import otelgw.testing.OtlpBackend;
import otelgw.testing.OtlpSignal;
import otelgw.testing.ReceivedRequest;

/**
 * What both OTLP exporters must do against a real backend, over their own transport: deliver every
 * signal untouched, send headers, classify failures, and recover through the queue and retry.
 */
abstract class OtlpTransportContract<C> {

  protected OtlpBackend backend;
  private Transport transport;
  private Exporter exporter;

  /** The factory under test. */
  abstract ExporterFactory<C> factory();

  /** The transport for {@code config}, as the factory would make it. */
  abstract Transport transport(C config);

  /** {@code endpoint: ...} and whatever else the backend needs, as YAML lines. */
  abstract String endpointYaml();

  /** How the backend sees requests of this exporter. */
  abstract otelgw.testing.Transport wire();

  @BeforeEach
  void startBackend() {
    backend = OtlpBackend.start();
  }

  @AfterEach
  void stopEverything() {
    if (exporter != null) {
      exporter.shutdown(Duration.ofSeconds(5));
    }
    if (transport != null) {
      transport.shutdown(Duration.ofSeconds(5));
    }
    backend.close();
  }

  C config(String yaml) {
    ConfigProblems problems = new ConfigProblems();
    C config =
        factory()
            .parseConfig(ConfigNode.parse(endpointYaml() + "\n" + yaml, "exporters.x", problems));
    assertThat(problems.all()).isEmpty();
    return config;
  }

  /** A started transport's sender for {@code type}. */
  <B extends otelgw.core.batch.Batch<?>> Sender<B> sender(BatchType<?, B> type, String yaml)
      throws Exception {
    transport = transport(config(yaml));
    Sender<B> sender = transport.sender(type);
    transport.start();
    return sender;
  }

  @Test
  void deliversTracesAsTheBytesTheyArrivedAs() throws Exception {
    ExportTraceServiceRequest request = TestRequests.traces(3);
    TraceBatch batch = BatchType.TRACES.fromWire(request.toByteArray());

    PartialSuccess answer = sender(BatchType.TRACES, "").send(batch);

    assertThat(answer).isEqualTo(PartialSuccess.NONE);
    assertThat(batch.isDecoded()).as("a forwarded batch is never decoded").isFalse();
    assertThat(backend.traceRequests()).containsExactly(request);
    assertThat(backend.rawRequestBodies(OtlpSignal.TRACES).get(0).toByteArray())
        .isEqualTo(request.toByteArray());
    assertThat(backend.requestCount(OtlpSignal.TRACES, wire())).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"gzip", "none"})
  void deliversAMergeAsItsRequestsLaidEndToEnd(String compression) throws Exception {
    byte[] first = TestRequests.traces(2).toByteArray();
    byte[] second = TestRequests.traces(3).toByteArray();
    byte[] third = TestRequests.traces(1).toByteArray();
    TraceBatch merged =
        BatchType.TRACES.fromCheckedChunks(
            new byte[][] {first, second, third}, first.length + second.length + third.length, 6);

    sender(BatchType.TRACES, "compression: " + compression).send(merged);

    byte[] whole =
        ByteBuffer.allocate(first.length + second.length + third.length)
            .put(first)
            .put(second)
            .put(third)
            .array();
    assertThat(backend.rawRequestBodies(OtlpSignal.TRACES)).hasSize(1);
    assertThat(backend.rawRequestBodies(OtlpSignal.TRACES).get(0).toByteArray()).isEqualTo(whole);
    assertThat(backend.spanCount()).isEqualTo(6);
    assertThat(merged.wireChunks()).hasSize(3); // sent without joining them
  }

  @Test
  void deliversMetricsBuiltAsMessages() throws Exception {
    ExportMetricsServiceRequest request = TestRequests.metrics();
    MetricBatch batch = BatchType.METRICS.fromMessage(request);

    sender(BatchType.METRICS, "").send(batch);

    assertThat(backend.metricsRequests()).containsExactly(request);
    assertThat(backend.metricPointCount()).isEqualTo(4);
  }

  @Test
  void deliversLogs() throws Exception {
    ExportLogsServiceRequest request = TestRequests.logs(2);

    sender(BatchType.LOGS, "").send(BatchType.LOGS.fromWire(request.toByteArray()));

    assertThat(backend.logsRequests()).containsExactly(request);
  }

  @Test
  void deliversUncompressedToo() throws Exception {
    ExportTraceServiceRequest request = TestRequests.traces(2);

    sender(BatchType.TRACES, "compression: none").send(BatchType.TRACES.fromMessage(request));

    assertThat(backend.traceRequests()).containsExactly(request);
  }

  @Test
  void sendsTheConfiguredHeadersAndItsUserAgent() throws Exception {
    sender(BatchType.TRACES, "headers: { Authorization: 'Bearer t0ken', X-Tenant: acme }")
        .send(BatchType.TRACES.fromMessage(TestRequests.traces(1)));

    ReceivedRequest received = backend.requests(OtlpSignal.TRACES).get(0);
    assertThat(received.header("authorization")).contains("Bearer t0ken");
    assertThat(received.header("x-tenant")).contains("acme");
    assertThat(received.header("user-agent")).get().asString().startsWith("otelgw/");
  }

  @Test
  void sendsItsAuthenticatorsCurrentCredentialsOverAStaticHeader() throws Exception {
    RotatingToken auth = new RotatingToken("Bearer first");
    exporter =
        factory()
            .createExporter(
                new ExporterSettings(
                    ComponentId.parse("otlp/test"),
                    Set.of(Signal.TRACES),
                    new SimpleMeterRegistry(),
                    Extensions.of(Map.of(ComponentId.parse("bearertokenauth"), auth))),
                config(
                    """
                    headers: { Authorization: 'Bearer static', X-Tenant: acme }
                    auth: { authenticator: bearertokenauth }
                    sending_queue: { enabled: false }
                    """));
    var consumer = exporter.consumer(BatchType.TRACES);
    exporter.start();

    consumer.consume(BatchType.TRACES.fromMessage(TestRequests.traces(1)));
    auth.value = "Bearer rotated";
    consumer.consume(BatchType.TRACES.fromMessage(TestRequests.traces(1)));

    await().atMost(Duration.ofSeconds(10)).until(() -> backend.spanCount() == 2);
    assertThat(backend.requests(OtlpSignal.TRACES))
        .extracting(request -> request.headers().get("authorization"))
        .containsExactly(List.of("Bearer first"), List.of("Bearer rotated"));
    assertThat(backend.requests(OtlpSignal.TRACES))
        .allSatisfy(request -> assertThat(request.header("x-tenant")).contains("acme"));
  }

  /** An authenticator extension whose credentials a test changes, as a rotated token file does. */
  private static final class RotatingToken implements Component, ClientAuthenticator {
    volatile String value;

    RotatingToken(String value) {
      this.value = value;
    }

    @Override
    public Map<String, String> headers() {
      return Map.of("authorization", value);
    }
  }

  @Test
  void readsPartialSuccess() throws Exception {
    backend.failNext(1, Fault.partialSuccess(2, "2 spans are too old"));

    PartialSuccess answer =
        sender(BatchType.TRACES, "").send(BatchType.TRACES.fromMessage(TestRequests.traces(3)));

    assertThat(answer).isEqualTo(new PartialSuccess(2, "2 spans are too old"));
  }

  @Test
  void aBackendAskingToWaitThrottlesForItsDelay() throws Exception {
    backend.failNext(1, Fault.unavailable(Duration.ofSeconds(3)));
    Sender<TraceBatch> sender = sender(BatchType.TRACES, "");

    assertThatThrownBy(() -> sender.send(BatchType.TRACES.fromMessage(TestRequests.traces(1))))
        .isInstanceOfSatisfying(
            ThrottledException.class, e -> assertThat(e.delay()).isEqualTo(Duration.ofSeconds(3)));
  }

  @Test
  void aBadRequestIsPermanentAndTheMessageHoldsNoSecret() throws Exception {
    backend.failNext(1, Fault.badRequest());
    Sender<TraceBatch> sender = sender(BatchType.TRACES, "headers: { Authorization: s3cret }");

    assertThatThrownBy(() -> sender.send(BatchType.TRACES.fromMessage(TestRequests.traces(1))))
        .isInstanceOf(PermanentException.class)
        .hasMessageContaining("injected fault")
        .hasMessageNotContaining("s3cret");
  }

  @Test
  void aBackendThatIsDownIsRetryable() throws Exception {
    Sender<TraceBatch> sender = sender(BatchType.TRACES, "");
    backend.stop();

    assertThatThrownBy(() -> sender.send(BatchType.TRACES.fromMessage(TestRequests.traces(1))))
        .isInstanceOf(RetryableException.class);
  }

  @Test
  void aBackendSlowerThanTheTimeoutIsRetryable() throws Exception {
    backend.setFault(Fault.slow(Duration.ofSeconds(30)));
    Sender<TraceBatch> sender = sender(BatchType.TRACES, "timeout: 300ms");

    assertThatThrownBy(() -> sender.send(BatchType.TRACES.fromMessage(TestRequests.traces(1))))
        .isInstanceOf(RetryableException.class)
        .hasMessageContaining("did not answer");
  }

  @Test
  void sendingBeforeStartIsRetryable() {
    transport = transport(config(""));
    Sender<LogBatch> sender = transport.sender(BatchType.LOGS);

    assertThatThrownBy(() -> sender.send(BatchType.LOGS.fromMessage(TestRequests.logs(1))))
        .isInstanceOf(RetryableException.class);
  }

  @Test
  void theQueueAndRetryDeliverOnceTheBackendRecovers() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    C config =
        config(
            """
            sending_queue: { num_consumers: 2, queue_size: 10 }
            retry_on_failure: { initial_interval: 10ms, max_interval: 20ms }
            """);
    exporter =
        factory()
            .createExporter(
                new ExporterSettings(ComponentId.parse("otlp/test"), Set.of(Signal.TRACES), meters),
                config);
    var consumer = exporter.consumer(BatchType.TRACES);
    exporter.start();
    backend.failNext(3, Fault.unavailable());
    backend.failNext(1, Fault.status(503, Optional.of(Duration.ZERO)));

    for (int i = 0; i < 4; i++) {
      consumer.consume(BatchType.TRACES.fromMessage(TestRequests.traces(5)));
    }

    await().atMost(Duration.ofSeconds(30)).until(() -> backend.spanCount() == 20);
    assertThat(backend.failedRequestCount()).isEqualTo(4);
    // The backend holds the last spans a moment before its answer reaches the exporter's counter.
    await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(
                        meters
                            .counter(
                                MetricNames.exporterSent(Signal.TRACES), "exporter", "otlp/test")
                            .count())
                    .isEqualTo(20));
    assertThat(
            meters
                .counter(
                    MetricNames.EXPORTER_RETRIES, "exporter", "otlp/test", "otel_signal", "traces")
                .count())
        .isGreaterThanOrEqualTo(4);
  }

  @Test
  void theQueueAndRetryOutlastABackendRestart() throws Exception {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    C config =
        config(
            """
            sending_queue: { num_consumers: 1, queue_size: 10 }
            retry_on_failure: { initial_interval: 10ms, max_interval: 50ms }
            """);
    exporter =
        factory()
            .createExporter(
                new ExporterSettings(ComponentId.parse("otlp/test"), Set.of(Signal.LOGS), meters),
                config);
    var consumer = exporter.consumer(BatchType.LOGS);
    exporter.start();
    backend.stop();

    consumer.consume(BatchType.LOGS.fromMessage(TestRequests.logs(3)));
    await()
        .until(
            () ->
                meters
                        .counter(
                            MetricNames.EXPORTER_RETRIES,
                            "exporter",
                            "otlp/test",
                            "otel_signal",
                            "logs")
                        .count()
                    >= 2);
    backend.restart();

    await().atMost(Duration.ofSeconds(30)).until(() -> backend.logRecordCount() == 3);
  }

  @Test
  void shutdownIsIdempotentAndSafeWithoutStart() {
    Transport unstarted = transport(config(""));
    unstarted.shutdown(Duration.ZERO);
    unstarted.shutdown(Duration.ZERO);
  }

  @Test
  void shutdownTwiceAfterStart() throws Exception {
    transport = transport(config(""));
    transport.start();
    transport.start();
    transport.shutdown(Duration.ofSeconds(1));
    transport.shutdown(Duration.ofSeconds(1));
  }
}
