package otelgw.core.exporterhelper;

import java.time.Duration;
import java.util.random.RandomGenerator;
import otelgw.config.RetrySettings;

/**
 * Exponential back-off with jitter, as the Collector computes it: the n-th wait is drawn uniformly
 * from {@code interval * (1 ± randomization_factor)}, and the interval grows by {@code multiplier}
 * up to {@code max_interval}.
 */
final class Backoff {

  /** The longest a backend's own retry delay is honoured, so one answer cannot stall a queue. */
  static final Duration MAX_SERVER_DELAY = Duration.ofMinutes(5);

  private final RetrySettings settings;
  private final RandomGenerator random;
  private double intervalNanos;

  Backoff(RetrySettings settings, RandomGenerator random) {
    this.settings = settings;
    this.random = random;
    this.intervalNanos = settings.initialInterval().toNanos();
  }

  /** The wait before the next attempt; each call advances to the next interval. */
  Duration next() {
    double delta = settings.randomizationFactor() * intervalNanos;
    double low = intervalNanos - delta;
    double high = intervalNanos + delta;
    long wait = (long) (low + random.nextDouble() * (high - low));
    intervalNanos =
        Math.min(intervalNanos * settings.multiplier(), settings.maxInterval().toNanos());
    return Duration.ofNanos(wait);
  }

  /**
   * The wait after a throttled answer: the back-off's own wait or the server's, whichever is
   * longer, with the server's capped at {@link #MAX_SERVER_DELAY}.
   */
  Duration next(Duration serverDelay) {
    Duration own = next();
    Duration server = serverDelay.compareTo(MAX_SERVER_DELAY) > 0 ? MAX_SERVER_DELAY : serverDelay;
    return server.compareTo(own) > 0 ? server : own;
  }
}
