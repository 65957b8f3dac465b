package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import otelgw.app.ClientExporters.Protocol;
import otelgw.testing.Fault;
import otelgw.testing.OtlpBackend;

/**
 * The {@code health_check} extension against the real gateway: 503 with the reason for each thing
 * that stops data flowing, 200 again once it flows, and {@code /live} and {@code /ready} apart.
 */
class HealthCheckTest {

  private static final ObjectMapper json = new ObjectMapper();

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
  void anExporterFailingLongerThanTheWindowIs503UntilASendSucceeds() throws Exception {
    String yaml = config("", "max_elapsed_time: 2s", "");
    try (RunningGateway gateway = RunningGateway.start(yaml);
        ClientExporters client = new ClientExporters(gateway, Protocol.GRPC, "none")) {
      assertThat(get(gateway.healthUrl() + "/").statusCode()).isEqualTo(200);
      assertThat(body(gateway.healthUrl() + "/").path("status").asText())
          .isEqualTo("Server available");

      backend.stop();
      assertThat(client.exportSpans(TestTelemetry.spans("down", 10))).as("accepted").isTrue();

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> get(gateway.healthUrl() + "/").statusCode() == 503);
      JsonNode health = body(gateway.healthUrl() + "/");
      assertThat(health.path("status").asText()).isEqualTo("Server not available");
      assertThat(health.path("reasons").get(0).asText())
          .startsWith("pipeline traces: exporter otlp/backend: every attempt has failed for")
          .contains("exporter_failure_window is 1s");
      JsonNode exporter =
          health.path("pipelines").path("traces").path("components").path("exporter:otlp/backend");
      assertThat(exporter.path("status").asText()).isEqualTo("failing");
      assertThat(exporter.path("last_error").asText()).isNotBlank();
      assertThat(get(gateway.healthUrl() + "/ready").statusCode())
          .as("it still accepts data")
          .isEqualTo(200);
      assertThat(get(gateway.healthUrl() + "/live").statusCode()).isEqualTo(200);
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(gateway.counter("otelcol.exporter.send_failed.spans")).isEqualTo(10));

      backend.restart();
      assertThat(get(gateway.healthUrl() + "/").statusCode())
          .as("still failing: nothing has been sent since")
          .isEqualTo(503);
      // gRPC may wait out its reconnect back-off first: send until one export gets through.
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  client.exportSpans(TestTelemetry.spans("up", 1))
                      && get(gateway.healthUrl() + "/").statusCode() == 200);
      assertThat(backend.spanCount()).isPositive();
    }
  }

  @Test
  void theMemoryLimiterRefusingMakesItUnreadyButLive() throws Exception {
    String yaml =
        config(
            """
            processors:
              memory_limiter:
                check_interval: 1s
                limit_mib: 1
            """,
            "",
            "processors: [memory_limiter]");
    try (RunningGateway gateway = RunningGateway.start(yaml)) {
      HttpResponse<String> health = get(gateway.healthUrl() + "/");
      HttpResponse<String> ready = get(gateway.healthUrl() + "/ready");

      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(json.readTree(ready.body()).path("reasons").get(0).asText())
          .isEqualTo(
              "pipeline traces: processor memory_limiter: over its memory limit: receivers refuse"
                  + " new data");
      assertThat(
              json.readTree(health.body())
                  .path("pipelines")
                  .path("traces")
                  .path("components")
                  .path("processor:memory_limiter")
                  .path("status")
                  .asText())
          .isEqualTo("refusing");
      assertThat(get(gateway.healthUrl() + "/live").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aFullRingMakesItUnreadyUntilItDrains() throws Exception {
    String yaml =
        config(
            "",
            "max_elapsed_time: 0s",
            "",
            """
                sending_queue:
                  queue_size: 1
                  num_consumers: 1
            """);
    byte[] request = SdkCaptures.read("java-traces.pb");
    HttpClient http = HttpClient.newHttpClient();
    try (RunningGateway gateway = RunningGateway.start(yaml)) {
      backend.setFault(Fault.unavailable());
      int status = 200;
      for (int sent = 0; sent < 5000 && status == 200; sent++) {
        status =
            http.send(
                    HttpRequest.newBuilder(URI.create(gateway.httpUrl() + "/v1/traces"))
                        .header("Content-Type", "application/x-protobuf")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request))
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode();
      }
      assertThat(status).as("the receiver refuses once the ring is full").isEqualTo(503);

      HttpResponse<String> ready = get(gateway.healthUrl() + "/ready");
      assertThat(ready.statusCode()).isEqualTo(503);
      assertThat(json.readTree(ready.body()).path("reasons").get(0).asText())
          .startsWith("pipeline traces: the ring is full (1024 of 1024 requests waiting)");
      assertThat(get(gateway.healthUrl() + "/live").statusCode()).isEqualTo(200);
      assertThat(gateway.counter("otelcol.receiver.refused.spans")).isPositive();

      backend.clearFaults();
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> get(gateway.healthUrl() + "/").statusCode() == 200);
    }
  }

  @Test
  void shuttingDownIsUnreadyButLiveWhileItDrains() throws Exception {
    try (RunningGateway gateway = RunningGateway.start(config("", "", ""));
        ClientExporters client = new ClientExporters(gateway, Protocol.GRPC, "none")) {
      backend.stop();
      assertThat(client.exportSpans(TestTelemetry.spans("drain", 3))).isTrue();

      CompletableFuture<Void> closing = CompletableFuture.runAsync(gateway::close);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> get(gateway.healthUrl() + "/ready").statusCode() == 503);
      JsonNode ready = body(gateway.healthUrl() + "/ready");
      assertThat(ready.path("state").asText()).isEqualTo("stopping");
      assertThat(ready.path("reasons").get(0).asText()).startsWith("shutting down");
      assertThat(get(gateway.healthUrl() + "/live").statusCode()).isEqualTo(200);

      backend.restart();
      closing.get();
      assertThat(backend.spanCount()).as("drained before it stopped").isEqualTo(3);
    }
  }

  /**
   * The gateway of {@link GatewayConfigs#forward}'s traces pipeline with a health check whose
   * window is 1s, plus the given sections.
   */
  private String config(String sections, String retry, String processors, String... exporterExtra) {
    return sections
        + """
        receivers:
          otlp:
            protocols:
              grpc:
                endpoint: 127.0.0.1:%GRPC_PORT%
              http:
                endpoint: 127.0.0.1:%HTTP_PORT%
        exporters:
          otlp/backend:
            endpoint: 127.0.0.1:BACKEND
            tls:
              insecure: true
            retry_on_failure:
              initial_interval: 50ms
              max_interval: 200ms
              RETRY
        EXTRA
        extensions:
          health_check:
            endpoint: 127.0.0.1:%HEALTH_PORT%
            exporter_failure_window: 1s
        service:
          extensions: [health_check]
          pipelines:
            traces:
              receivers: [otlp]
              PROCESSORS
              exporters: [otlp/backend]
        """
            .replace("BACKEND", Integer.toString(backend.grpcPort()))
            .replace("RETRY", retry)
            .replace("EXTRA", String.join("", exporterExtra).stripTrailing())
            .replace("PROCESSORS", processors);
  }

  private static HttpResponse<String> get(String url) {
    return AdminHttp.get(url);
  }

  private static JsonNode body(String url) throws Exception {
    return json.readTree(get(url).body());
  }
}
