package otelgw.app.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import otelgw.core.telemetry.GatewayStatus;

/**
 * Keeps the last two samples of the status counters, taken when the status page is read and at
 * least {@link #MIN_INTERVAL} apart, and gives rates between them. Sampling on read needs no thread
 * and costs nothing while nobody looks; a page polling every two seconds gets two-second rates.
 * Thread-safe.
 */
final class RateSampler {

  /** Reads closer together than this share a sample, so rates never cover a sliver of time. */
  static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

  private Instant previousTime;
  private Map<String, Long> previous;
  private Instant latestTime;
  private Map<String, Long> latest;

  /** Takes {@code status} as a new sample if the last is old enough; the rates as of now. */
  synchronized Rates update(GatewayStatus status) {
    Instant now = status.time();
    if (latest == null || Duration.between(latestTime, now).compareTo(MIN_INTERVAL) >= 0) {
      previousTime = latestTime;
      previous = latest;
      latestTime = now;
      latest = Counts.of(status);
    }
    return previous == null
        ? Rates.NONE
        : Rates.between(previousTime, previous, latestTime, latest);
  }
}
