package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar as a process watches itself: health and metrics answer from start to exit, and {@code
 * logs.encoding: json} writes one JSON object per line.
 */
class SelfTelemetryIT {

  private static final ObjectMapper json = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void servesHealthAndMetricsAndLogsJson() throws Exception {
    int healthPort = FreePorts.next();
    int metricsPort = FreePorts.next();
    Path config = dir.resolve("config.yaml");
    Files.writeString(
        config,
        """
        receivers:
          otlp:
            protocols:
              http:
                endpoint: 127.0.0.1:%d
        exporters:
          debug:
        extensions:
          health_check:
            endpoint: 127.0.0.1:%d
        service:
          extensions: [health_check]
          pipelines:
            logs:
              receivers: [otlp]
              exporters: [debug]
          telemetry:
            metrics:
              address: 127.0.0.1:%d
            logs:
              encoding: json
        """
            .formatted(FreePorts.next(), healthPort, metricsPort));
    String health = "http://127.0.0.1:" + healthPort;
    try (OtelgwProcess otelgw = OtelgwProcess.start("--config", config.toString())) {
      await()
          .atMost(Duration.ofSeconds(30))
          .ignoreException(UncheckedIOException.class)
          .until(() -> AdminHttp.get(health + "/ready").statusCode() == 200);

      assertThat(AdminHttp.get(health + "/").statusCode()).isEqualTo(200);
      assertThat(AdminHttp.get(health + "/live").statusCode()).isEqualTo(200);
      String metrics = AdminHttp.get("http://127.0.0.1:" + metricsPort + "/metrics").body();
      assertThat(PrometheusText.parse(metrics).samples())
          .extracting(PrometheusText.Sample::name)
          .contains("otelcol_receiver_accepted_log_records_total", "process_uptime_seconds");

      otelgw.terminate();
      assertThat(otelgw.waitFor(30)).isTrue();
      List<String> lines = otelgw.err().lines().filter(l -> !l.isBlank()).toList();
      assertThat(lines).isNotEmpty();
      for (String line : lines) {
        JsonNode event = json.readTree(line);
        assertThat(event.path("level").asText()).as(line).isNotEmpty();
        assertThat(event.has("formattedMessage")).as(line).isTrue();
      }
      assertThat(lines).anySatisfy(l -> assertThat(l).contains("started in"));
    }
  }
}
