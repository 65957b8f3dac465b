package otelgw.app.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import otelgw.config.ComponentId;
import otelgw.config.PipelineId;
import otelgw.core.telemetry.GatewayStatus;
import otelgw.core.telemetry.GatewayStatus.Lifecycle;
import otelgw.core.telemetry.SendHealth;

/** Gateway snapshots for tests: one traces pipeline, otlp -> memory_limiter -> otlp/backend. */
final class Statuses {

  static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
  static final Instant STARTED = NOW.minus(Duration.ofMinutes(5));

  private Statuses() {}

  static GatewayStatus running() {
    return of(Lifecycle.RUNNING, ring(3), false, SendHealth.UNKNOWN, 100, 95);
  }

  static GatewayStatus of(
      Lifecycle state,
      GatewayStatus.Ring ring,
      boolean limiterRefusing,
      SendHealth exporterHealth,
      long received,
      long exported) {
    GatewayStatus.Pipeline traces =
        new GatewayStatus.Pipeline(
            PipelineId.parse("traces"),
            List.of(new GatewayStatus.Receiver(ComponentId.parse("otlp"), received, 0)),
            ring,
            List.of(
                new GatewayStatus.Processor(
                    ComponentId.parse("memory_limiter"), received, received, limiterRefusing)),
            List.of(
                new GatewayStatus.Exporter(
                    ComponentId.parse("otlp/backend"),
                    exported,
                    0,
                    0,
                    Map.of("retries_exhausted", 0L),
                    Optional.of(new GatewayStatus.Queue(2, 1000)),
                    exporterHealth)));
    return new GatewayStatus(
        state,
        NOW,
        state == Lifecycle.CREATED || state == Lifecycle.STARTING
            ? Optional.empty()
            : Optional.of(STARTED),
        List.of(traces));
  }

  static GatewayStatus.Ring ring(long used) {
    return new GatewayStatus.Ring(used, 1024, true);
  }

  /** An exporter whose every attempt has failed since {@code ago} before {@link #NOW}. */
  static SendHealth failingFor(Duration ago) {
    return new SendHealth(
        Optional.of(NOW.minus(ago).minusSeconds(1)),
        Optional.of(NOW),
        Optional.of(NOW.minus(ago)),
        "UNAVAILABLE: connection refused");
  }
}
