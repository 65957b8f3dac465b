package otelgw.app.status;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Per-second rates of the status counters between two samples; none before a second sample. */
final class Rates {

  static final Rates NONE = new Rates(Optional.empty(), Map.of(), Map.of());

  private final Optional<Duration> interval;
  private final Map<String, Long> before;
  private final Map<String, Long> after;

  private Rates(Optional<Duration> interval, Map<String, Long> before, Map<String, Long> after) {
    this.interval = interval;
    this.before = before;
    this.after = after;
  }

  static Rates between(
      Instant from, Map<String, Long> before, Instant to, Map<String, Long> after) {
    return new Rates(Optional.of(Duration.between(from, to)), before, after);
  }

  /** The time the rates are measured over. */
  Optional<Duration> interval() {
    return interval;
  }

  /**
   * Items per second of counter {@code key}; empty before two samples or for a counter that
   * appeared in between.
   */
  Optional<Double> perSecond(String key) {
    Long from = before.get(key);
    Long to = after.get(key);
    if (interval.isEmpty() || from == null || to == null || interval.get().isZero()) {
      return Optional.empty();
    }
    double seconds = interval.get().toNanos() / 1e9;
    return Optional.of(Math.max(0, to - from) / seconds);
  }
}
