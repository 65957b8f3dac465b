package otelgw.config;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * An exporter's {@code retry_on_failure}, with the Collector's keys and defaults: exponential
 * back-off with jitter, capped per attempt and in total. Present when enabled.
 *
 * @param initialInterval the wait after the first failure
 * @param randomizationFactor jitter: each wait is drawn from {@code interval * (1 ± factor)}
 * @param multiplier how much the interval grows after each failure
 * @param maxInterval the cap on one wait
 * @param maxElapsedTime how long to keep trying one batch; zero means forever
 */
public record RetrySettings(
    Duration initialInterval,
    double randomizationFactor,
    double multiplier,
    Duration maxInterval,
    Duration maxElapsedTime) {

  public static final Duration DEFAULT_INITIAL_INTERVAL = Duration.ofSeconds(5);
  public static final double DEFAULT_RANDOMIZATION_FACTOR = 0.5;
  public static final double DEFAULT_MULTIPLIER = 1.5;
  public static final Duration DEFAULT_MAX_INTERVAL = Duration.ofSeconds(30);
  public static final Duration DEFAULT_MAX_ELAPSED_TIME = Duration.ofMinutes(5);

  public static RetrySettings defaults() {
    return new RetrySettings(
        DEFAULT_INITIAL_INTERVAL,
        DEFAULT_RANDOMIZATION_FACTOR,
        DEFAULT_MULTIPLIER,
        DEFAULT_MAX_INTERVAL,
        DEFAULT_MAX_ELAPSED_TIME);
  }

  /** Reads {@code retry_on_failure}; empty when it says {@code enabled: false}. */
  public static Optional<RetrySettings> parse(ConfigNode node) {
    boolean enabled = node.bool("enabled", true);
    Duration initial = node.duration("initial_interval", DEFAULT_INITIAL_INTERVAL);
    double factor = node.decimal("randomization_factor", DEFAULT_RANDOMIZATION_FACTOR);
    double multiplier = node.decimal("multiplier", DEFAULT_MULTIPLIER);
    Duration max = node.duration("max_interval", DEFAULT_MAX_INTERVAL);
    Duration maxElapsed = node.duration("max_elapsed_time", DEFAULT_MAX_ELAPSED_TIME);
    node.check(initial.toMillis() > 0, "initial_interval", "must be greater than 0");
    node.check(
        factor >= 0 && factor < 1, "randomization_factor", "must be at least 0 and less than 1");
    node.check(multiplier >= 1, "multiplier", "must be at least 1");
    node.check(
        max.compareTo(initial) >= 0, "max_interval", "must not be less than 'initial_interval'");
    node.check(
        !maxElapsed.isNegative(), "max_elapsed_time", "must not be negative (0 means forever)");
    node.finish(
        Set.of(
            "enabled",
            "initial_interval",
            "randomization_factor",
            "multiplier",
            "max_interval",
            "max_elapsed_time"));
    return enabled
        ? Optional.of(new RetrySettings(initial, factor, multiplier, max, maxElapsed))
        : Optional.empty();
  }
}
