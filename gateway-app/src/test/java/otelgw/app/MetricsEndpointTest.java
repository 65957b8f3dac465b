package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import otelgw.app.ClientExporters.Protocol;
import otelgw.app.GatewayConfigs.Upstream;
import otelgw.testing.OtlpBackend;

/** {@code /metrics} as Prometheus scrapes it: the Collector's names, parseable, JVM meters too. */
class MetricsEndpointTest {

  private OtlpBackend backend;

  @BeforeEach
  void startBackend() {
    backend = OtlpBackend.start();
  }

  @AfterEach
  void stopBackend() {
    backend.close();
  }

  @Test
  void countsEveryHopUnderTheCollectorsNames() throws Exception {
    try (RunningGateway gateway =
            RunningGateway.start(GatewayConfigs.forward(backend, Upstream.GRPC));
        ClientExporters client = new ClientExporters(gateway, Protocol.GRPC, "none")) {
      assertThat(client.exportSpans(TestTelemetry.spans("scrape", 25))).isTrue();
      assertThat(client.exportLogs(TestTelemetry.logs("scrape", 4))).isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> backend.spanCount() == 25);

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(
                          scrape(gateway)
                              .value(
                                  "otelcol_exporter_sent_spans_total",
                                  Map.of("exporter", "otlp/backend")))
                      .contains(25.0));
      HttpResponse<String> response = AdminHttp.get(gateway.metricsUrl() + "/metrics");
      Files.createDirectories(Path.of("target"));
      Files.writeString(Path.of("target/metrics-scrape.txt"), response.body());
      PrometheusText metrics = PrometheusText.parse(response.body());

      assertThat(response.headers().firstValue("content-type"))
          .contains("text/plain; version=0.0.4; charset=utf-8");
      assertThat(metrics.type("otelcol_receiver_accepted_spans_total")).contains("counter");
      assertThat(
              metrics.value(
                  "otelcol_receiver_accepted_spans_total",
                  Map.of("receiver", "otlp", "transport", "grpc")))
          .contains(25.0);
      assertThat(
              metrics.value(
                  "otelcol_receiver_accepted_log_records_total",
                  Map.of("receiver", "otlp", "transport", "grpc")))
          .contains(4.0);
      assertThat(
              metrics.value(
                  "otelcol_exporter_send_failed_spans_total", Map.of("exporter", "otlp/backend")))
          .contains(0.0);
      assertThat(metrics.value("otelgw_ring_capacity", Map.of("pipeline", "traces")))
          .contains(1024.0);
      assertThat(metrics.samples())
          .extracting(PrometheusText.Sample::name)
          .contains(
              "jvm_memory_used_bytes",
              "jvm_gc_memory_allocated_bytes_total",
              "jvm_threads_live_threads",
              "process_cpu_usage",
              "process_uptime_seconds");
    }
  }

  @Test
  void levelNoneServesNoEndpoint() throws Exception {
    String yaml =
        GatewayConfigs.forward(backend, Upstream.GRPC)
            + """
              telemetry:
                metrics:
                  level: none
            """;
    try (RunningGateway gateway = RunningGateway.start(yaml)) {
      assertThatThrownBy(() -> AdminHttp.get(gateway.metricsUrl() + "/metrics"))
          .isInstanceOf(UncheckedIOException.class);
    }
  }

  @Test
  void answersOnlyGetOnItsOwnPaths() throws Exception {
    try (RunningGateway gateway =
        RunningGateway.start(GatewayConfigs.forward(backend, Upstream.GRPC))) {
      assertThat(AdminHttp.get(gateway.metricsUrl() + "/nope").statusCode()).isEqualTo(404);
      assertThat(AdminHttp.post(gateway.metricsUrl() + "/metrics").statusCode()).isEqualTo(405);
      assertThat(AdminHttp.head(gateway.metricsUrl() + "/metrics").statusCode()).isEqualTo(200);
    }
  }

  private static PrometheusText scrape(RunningGateway gateway) {
    return PrometheusText.parse(AdminHttp.get(gateway.metricsUrl() + "/metrics").body());
  }
}
