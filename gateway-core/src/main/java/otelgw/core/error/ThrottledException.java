package otelgw.core.error;

import java.time.Duration;
import java.util.Objects;

/**
 * The backend asked to be called again no sooner than {@link #delay()} (gRPC {@code RetryInfo},
 * HTTP {@code Retry-After}).
 */
public final class ThrottledException extends GatewayException {

  private static final long serialVersionUID = 1L;

  private final Duration delay;

  public ThrottledException(String message, Duration delay) {
    super(message, null);
    this.delay = Objects.requireNonNull(delay, "delay");
  }

  /** How long the backend asked to wait before the next attempt. */
  public Duration delay() {
    return delay;
  }
}
