package otelgw.core.error;

/** A passing failure (the backend is down, overloaded or slow): send again after a back-off. */
public final class RetryableException extends GatewayException {

  private static final long serialVersionUID = 1L;

  public RetryableException(String message) {
    super(message, null);
  }

  public RetryableException(String message, Throwable cause) {
    super(message, cause);
  }
}
