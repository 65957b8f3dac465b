package otelgw.core.error;

/** Sending again will not help: the data is invalid or the backend refuses it for good. */
public final class PermanentException extends GatewayException {

  private static final long serialVersionUID = 1L;

  public PermanentException(String message) {
    super(message, null);
  }

  public PermanentException(String message, Throwable cause) {
    super(message, cause);
  }
}
