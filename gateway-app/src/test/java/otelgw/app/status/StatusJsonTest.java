package otelgw.app.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import otelgw.core.telemetry.GatewayStatus;
import otelgw.core.telemetry.GatewayStatus.Lifecycle;
import otelgw.core.telemetry.SendHealth;

/** The bodies of {@code /status} and of the health check, and the rates between two reads. */
class StatusJsonTest {

  private static final Duration WINDOW = Duration.ofSeconds(30);
  private static final ObjectMapper json = new ObjectMapper();

  @Test
  void statusShowsEachHopWithRatesBetweenTwoSamples() throws Exception {
    RateSampler sampler = new RateSampler();
    GatewayStatus first = Statuses.running();
    GatewayStatus second =
        later(
            Statuses.of(Lifecycle.RUNNING, Statuses.ring(3), false, SendHealth.UNKNOWN, 300, 195),
            2);

    JsonNode before = read(first, sampler.update(first));
    JsonNode after = read(second, sampler.update(second));

    JsonNode pipeline = after.path("pipelines").get(0);
    assertThat(before.path("rate_interval_seconds").isNull()).isTrue();
    assertThat(
            before
                .path("pipelines")
                .get(0)
                .path("receivers")
                .get(0)
                .path("per_second")
                .path("received")
                .isNull())
        .isTrue();
    assertThat(after.path("rate_interval_seconds").asDouble()).isEqualTo(2.0);
    assertThat(pipeline.path("id").asText()).isEqualTo("traces");
    assertThat(pipeline.path("items").asText()).isEqualTo("spans");
    JsonNode receiver = pipeline.path("receivers").get(0);
    assertThat(receiver.path("id").asText()).isEqualTo("otlp");
    assertThat(receiver.path("received").asLong()).isEqualTo(300);
    assertThat(receiver.path("per_second").path("received").asDouble()).isEqualTo(100.0);
    assertThat(pipeline.path("ring").path("used").asLong()).isEqualTo(3);
    assertThat(pipeline.path("processors").get(0).path("per_second").path("outgoing").asDouble())
        .isEqualTo(100.0);
    JsonNode exporter = pipeline.path("exporters").get(0);
    assertThat(exporter.path("status").asText()).isEqualTo("ok");
    assertThat(exporter.path("exported").asLong()).isEqualTo(195);
    assertThat(exporter.path("per_second").path("exported").asDouble()).isEqualTo(50.0);
    assertThat(exporter.path("queued").asLong()).isEqualTo(2);
    assertThat(exporter.path("queue_capacity").asLong()).isEqualTo(1000);
    assertThat(exporter.path("failed").asLong()).isZero();
    assertThat(exporter.path("last_error").isNull()).isTrue();
  }

  @Test
  void readsCloseTogetherShareASample() {
    RateSampler sampler = new RateSampler();
    sampler.update(Statuses.running());
    GatewayStatus soon = later(Statuses.running(), 0.5);

    assertThat(sampler.update(soon).interval()).isEmpty();
  }

  @Test
  void healthBodySaysWhyPerComponent() throws Exception {
    GatewayStatus status =
        Statuses.of(
            Lifecycle.RUNNING,
            Statuses.ring(0),
            false,
            Statuses.failingFor(Duration.ofMinutes(1)),
            1,
            0);

    JsonNode body = json.readTree(HealthJson.full(Health.of(status, WINDOW), WINDOW));

    assertThat(body.path("status").asText()).isEqualTo("Server not available");
    assertThat(body.path("upSince").asText()).isEqualTo(Statuses.STARTED.toString());
    assertThat(body.path("uptime").asText()).isEqualTo("5m0s");
    assertThat(body.path("healthy").asBoolean()).isFalse();
    assertThat(body.path("ready").asBoolean()).isTrue();
    assertThat(body.path("state").asText()).isEqualTo("running");
    assertThat(body.path("reasons")).hasSize(1);
    JsonNode traces = body.path("pipelines").path("traces");
    assertThat(traces.path("healthy").asBoolean()).isFalse();
    JsonNode exporter = traces.path("components").path("exporter:otlp/backend");
    assertThat(exporter.path("status").asText()).isEqualTo("failing");
    assertThat(exporter.path("last_error").asText()).isEqualTo("UNAVAILABLE: connection refused");
    assertThat(exporter.path("failing_since").asText())
        .isEqualTo(Statuses.NOW.minus(Duration.ofMinutes(1)).toString());
    assertThat(traces.path("components").path("receiver:otlp").path("status").asText())
        .isEqualTo("ok");
    assertThat(traces.path("components").path("ring").path("capacity").asLong()).isEqualTo(1024);
  }

  @Test
  void probeBodyListsOnlyWhatFailsIt() throws Exception {
    GatewayStatus status =
        Statuses.of(
            Lifecycle.RUNNING,
            Statuses.ring(0),
            false,
            Statuses.failingFor(Duration.ofMinutes(1)),
            1,
            0);
    Health health = Health.of(status, WINDOW);

    JsonNode ready = json.readTree(HealthJson.probe(health, Health.Depth.READY));

    assertThat(ready.path("ready").asBoolean()).isTrue();
    assertThat(ready.path("reasons")).isEmpty();
  }

  private static JsonNode read(GatewayStatus status, Rates rates) throws Exception {
    return json.readTree(StatusJson.write(Health.of(status, WINDOW), rates, WINDOW));
  }

  private static GatewayStatus later(GatewayStatus status, double seconds) {
    return new GatewayStatus(
        status.state(),
        status.time().plusMillis((long) (seconds * 1000)),
        status.startedAt(),
        List.copyOf(status.pipelines()));
  }
}
