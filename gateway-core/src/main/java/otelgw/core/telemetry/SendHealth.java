package otelgw.core.telemetry;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How an exporter's sends of one signal have gone lately: a snapshot, for health checks and the
 * status page. Every attempt counts, retries included, so a backend that is down shows as failing
 * from its first refused attempt, not only once retries run out.
 *
 * @param lastSuccess when a send last succeeded (a partial success counts: the backend answered)
 * @param lastFailure when an attempt last failed
 * @param failingSince when the current run of failures began, if no attempt has succeeded since;
 *     empty while sends succeed
 * @param lastError what the last failed attempt said, empty if none failed
 */
public record SendHealth(
    Optional<Instant> lastSuccess,
    Optional<Instant> lastFailure,
    Optional<Instant> failingSince,
    String lastError) {

  /** Nothing known: the exporter has sent nothing yet, or does not report. */
  public static final SendHealth UNKNOWN =
      new SendHealth(Optional.empty(), Optional.empty(), Optional.empty(), "");

  /** How long every attempt has failed, as of {@code now}; zero while sends succeed. */
  public Duration failingFor(Instant now) {
    return failingSince.map(since -> Duration.between(since, now)).orElse(Duration.ZERO);
  }
}
