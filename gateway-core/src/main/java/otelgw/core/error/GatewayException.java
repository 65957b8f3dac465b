package otelgw.core.error;

/**
 * A failure typed by what the caller should do about it: give up ({@link PermanentException}), try
 * again later ({@link RetryableException}), try again after a given delay ({@link
 * ThrottledException}), or, at the edge, come back later because otelgw cannot take more now
 * ({@link RefusedException}). Exporters classify backend answers into these; receivers map them to
 * OTLP status codes in one place.
 *
 * <p>Stackless: these are answers, not bugs, and some are thrown on the hot path.
 */
public abstract sealed class GatewayException extends Exception
    permits PermanentException, RetryableException, ThrottledException, RefusedException {

  private static final long serialVersionUID = 1L;

  GatewayException(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
