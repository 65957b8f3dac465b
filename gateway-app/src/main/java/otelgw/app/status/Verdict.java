package otelgw.app.status;

import java.time.Duration;
import java.time.Instant;
import otelgw.config.Durations;
import otelgw.core.telemetry.GatewayStatus;

/**
 * What one hop's state means: a word for people ({@code ok}, {@code retrying}, {@code failing},
 * {@code refusing}, {@code full}, {@code stopped}), whether it counts against health, and why.
 *
 * @param status the word, stable for scripts
 * @param healthy whether it leaves the gateway healthy
 * @param reason a sentence saying what is wrong; empty when {@code ok}
 */
public record Verdict(String status, boolean healthy, String reason) {

  public static final Verdict OK = new Verdict("ok", true, "");

  /** A ring is unhealthy when full (receivers refuse) or when its consumer thread has died. */
  public static Verdict of(GatewayStatus.Ring ring, GatewayStatus.Lifecycle state) {
    if (state == GatewayStatus.Lifecycle.RUNNING && !ring.consumerAlive()) {
      return new Verdict("stopped", false, "its consumer thread has stopped: nothing is processed");
    }
    if (ring.full()) {
      return new Verdict(
          "full",
          false,
          "the ring is full ("
              + ring.used()
              + " of "
              + ring.capacity()
              + " requests waiting): receivers refuse new data");
    }
    return OK;
  }

  /** A processor is unhealthy while its admission check (the memory limiter) refuses data. */
  public static Verdict of(GatewayStatus.Processor processor) {
    return processor.refusing()
        ? new Verdict("refusing", false, "over its memory limit: receivers refuse new data")
        : OK;
  }

  /**
   * An exporter whose every attempt has failed is {@code retrying} (still healthy) for {@code
   * window}, then {@code failing}.
   */
  public static Verdict of(GatewayStatus.Exporter exporter, Duration window, Instant now) {
    if (exporter.health().failingSince().isEmpty()) {
      return OK;
    }
    Duration failing = exporter.health().failingFor(now);
    String error = exporter.health().lastError();
    String detail = error.isEmpty() ? "" : "; last error: " + error;
    if (failing.compareTo(window) < 0) {
      return new Verdict(
          "retrying", true, "every attempt has failed for " + seconds(failing) + detail);
    }
    return new Verdict(
        "failing",
        false,
        "every attempt has failed for "
            + seconds(failing)
            + " (exporter_failure_window is "
            + Durations.format(window)
            + ")"
            + detail);
  }

  private static String seconds(Duration duration) {
    return String.format(java.util.Locale.ROOT, "%.1fs", duration.toMillis() / 1000.0);
  }
}
