package otelgw.app.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import otelgw.app.status.Health.Depth;
import otelgw.core.telemetry.GatewayStatus;
import otelgw.core.telemetry.GatewayStatus.Lifecycle;
import otelgw.core.telemetry.SendHealth;

/** What makes the gateway unhealthy, unready or dead, and what does not. */
class HealthTest {

  private static final Duration WINDOW = Duration.ofSeconds(30);

  @Test
  void runningWithEveryHopWellIsHealthy() {
    Health health = Health.of(Statuses.running(), WINDOW);

    assertThat(health.healthy()).isTrue();
    assertThat(health.ready()).isTrue();
    assertThat(health.live()).isTrue();
    assertThat(health.reasons(Depth.HEALTHY)).isEmpty();
  }

  @Test
  void startingUpAndShuttingDownAreNotReadyButLive() {
    for (Lifecycle state : new Lifecycle[] {Lifecycle.STARTING, Lifecycle.STOPPING}) {
      Health health = Health.of(status(state), WINDOW);

      assertThat(health.ready()).as(state.name()).isFalse();
      assertThat(health.healthy()).as(state.name()).isFalse();
      assertThat(health.live()).as("a draining process must not be restarted").isTrue();
    }
    assertThat(Health.of(status(Lifecycle.STARTING), WINDOW).reasons(Depth.READY))
        .containsExactly("starting up");
    assertThat(Health.of(status(Lifecycle.STOPPING), WINDOW).reasons(Depth.READY))
        .singleElement()
        .asString()
        .startsWith("shutting down");
  }

  @Test
  void shutDownIsNotLive() {
    Health health = Health.of(status(Lifecycle.STOPPED), WINDOW);

    assertThat(health.live()).isFalse();
    assertThat(health.reasons(Depth.LIVE)).containsExactly("shut down");
  }

  @Test
  void anExporterFailingWithinTheWindowIsRetryingAndHealthy() {
    GatewayStatus status =
        Statuses.of(
            Lifecycle.RUNNING,
            Statuses.ring(0),
            false,
            Statuses.failingFor(Duration.ofSeconds(29)),
            1,
            0);

    Health health = Health.of(status, WINDOW);
    Verdict verdict =
        Verdict.of(status.pipelines().get(0).exporters().get(0), WINDOW, status.time());

    assertThat(health.healthy()).isTrue();
    assertThat(verdict.status()).isEqualTo("retrying");
    assertThat(verdict.reason()).contains("29.0s").contains("connection refused");
  }

  @Test
  void anExporterFailingForLongerThanTheWindowIsUnhealthyButStillReady() {
    GatewayStatus status =
        Statuses.of(
            Lifecycle.RUNNING,
            Statuses.ring(0),
            false,
            Statuses.failingFor(Duration.ofSeconds(31)),
            1,
            0);

    Health health = Health.of(status, WINDOW);

    assertThat(health.healthy()).isFalse();
    assertThat(health.ready()).as("it still accepts data: the queue buffers it").isTrue();
    assertThat(health.reasons(Depth.HEALTHY))
        .singleElement()
        .asString()
        .startsWith("pipeline traces: exporter otlp/backend: every attempt has failed for 31.0s")
        .contains("exporter_failure_window is 30s")
        .contains("UNAVAILABLE: connection refused");
  }

  @Test
  void aZeroWindowMakesTheFirstFailureUnhealthy() {
    GatewayStatus status =
        Statuses.of(
            Lifecycle.RUNNING, Statuses.ring(0), false, Statuses.failingFor(Duration.ZERO), 1, 0);

    assertThat(Health.of(status, Duration.ZERO).healthy()).isFalse();
  }

  @Test
  void anExporterThatRecoveredIsHealthy() {
    SendHealth recovered =
        new SendHealth(
            java.util.Optional.of(Statuses.NOW),
            java.util.Optional.of(Statuses.NOW.minusSeconds(60)),
            java.util.Optional.empty(),
            "UNAVAILABLE: connection refused");
    GatewayStatus status = Statuses.of(Lifecycle.RUNNING, Statuses.ring(0), false, recovered, 1, 1);

    assertThat(Health.of(status, WINDOW).healthy()).isTrue();
  }

  @Test
  void theMemoryLimiterRefusingIsNotReady() {
    GatewayStatus status =
        Statuses.of(Lifecycle.RUNNING, Statuses.ring(0), true, SendHealth.UNKNOWN, 1, 1);

    Health health = Health.of(status, WINDOW);

    assertThat(health.ready()).isFalse();
    assertThat(health.live()).isTrue();
    assertThat(health.reasons(Depth.READY))
        .containsExactly(
            "pipeline traces: processor memory_limiter: over its memory limit: receivers refuse new"
                + " data");
  }

  @Test
  void aFullRingIsNotReady() {
    GatewayStatus status =
        Statuses.of(Lifecycle.RUNNING, Statuses.ring(1024), false, SendHealth.UNKNOWN, 1, 1);

    Health health = Health.of(status, WINDOW);

    assertThat(health.ready()).isFalse();
    assertThat(health.reasons(Depth.READY))
        .containsExactly(
            "pipeline traces: the ring is full (1024 of 1024 requests waiting): receivers refuse"
                + " new data");
  }

  @Test
  void aDeadConsumerThreadIsNotLive() {
    GatewayStatus status =
        Statuses.of(
            Lifecycle.RUNNING,
            new GatewayStatus.Ring(0, 1024, false),
            false,
            SendHealth.UNKNOWN,
            1,
            1);

    Health health = Health.of(status, WINDOW);

    assertThat(health.live()).isFalse();
    assertThat(health.reasons(Depth.LIVE))
        .containsExactly("pipeline traces: its consumer thread has stopped: nothing is processed");
  }

  private static GatewayStatus status(Lifecycle state) {
    return Statuses.of(
        state, new GatewayStatus.Ring(0, 1024, false), false, SendHealth.UNKNOWN, 0, 0);
  }
}
