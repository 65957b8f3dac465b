package otelgw.core.exporterhelper;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import otelgw.core.telemetry.SendHealth;

/**
 * Remembers how one chain's send attempts went, for {@link SendHealth}. Written by every queue
 * consumer after every attempt, so a success costs one clock read and a volatile write or two;
 * failures, rarer, take a lock to keep their time and message together.
 */
final class SendOutcomes {

  /** A backend's message is kept to this many characters: enough to act on, bounded. */
  static final int MAX_ERROR_LENGTH = 512;

  private static final long NEVER = Long.MIN_VALUE;

  private final Clock clock;
  private volatile long lastSuccess = NEVER;
  private volatile long lastFailure = NEVER;
  private volatile long failingSince = NEVER;
  private volatile String lastError = "";

  SendOutcomes(Clock clock) {
    this.clock = clock;
  }

  void succeeded() {
    lastSuccess = clock.millis();
    if (failingSince != NEVER) {
      failingSince = NEVER;
    }
  }

  synchronized void failed(String message) {
    long now = clock.millis();
    lastFailure = now;
    if (failingSince == NEVER) {
      failingSince = now;
    }
    String text = message == null ? "" : message;
    lastError = text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
  }

  SendHealth snapshot() {
    return new SendHealth(
        instant(lastSuccess), instant(lastFailure), instant(failingSince), lastError);
  }

  private static Optional<Instant> instant(long millis) {
    return millis == NEVER ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
  }
}
