package otelgw.core.error;

import java.time.Duration;

/**
 * otelgw cannot take this data now and tells the client to come back later: gRPC {@code
 * UNAVAILABLE} with {@code RetryInfo}, HTTP 503 with {@code Retry-After}. Thrown at admission,
 * before anything is acknowledged, so nothing is lost: the client still holds the data.
 *
 * <p>Instances are preallocated per reason; refusing costs no allocation.
 */
public final class RefusedException extends GatewayException {

  private static final long serialVersionUID = 1L;

  /** Why data was refused; a metric label, so a small closed set. */
  public enum Reason {
    /** The pipeline's ring buffer is full: exporters are behind. */
    PIPELINE_FULL("the pipeline is full; retry later"),
    /** The memory limiter is above its soft limit. */
    MEMORY_LIMIT("otelgw is above its memory limit; retry later"),
    /** otelgw is shutting down and takes no new data. */
    SHUTTING_DOWN("otelgw is shutting down; retry against another instance or later");

    private final String message;

    Reason(String message) {
      this.message = message;
    }

    /** The lower-case label value, such as {@code pipeline_full}. */
    public String label() {
      return name().toLowerCase();
    }
  }

  /** The delay suggested to clients when nothing better is known. */
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(1);

  private static final RefusedException[] BY_REASON = new RefusedException[Reason.values().length];

  static {
    for (Reason reason : Reason.values()) {
      BY_REASON[reason.ordinal()] = new RefusedException(reason);
    }
  }

  private final Reason reason;

  private RefusedException(Reason reason) {
    super(reason.message, null);
    this.reason = reason;
  }

  /** The shared instance for {@code reason}. */
  public static RefusedException of(Reason reason) {
    return BY_REASON[reason.ordinal()];
  }

  public Reason reason() {
    return reason;
  }

  /** How long the client should wait before sending again. */
  public Duration retryDelay() {
    return DEFAULT_RETRY_DELAY;
  }
}
