package otelgw.core.batch;

/**
 * Request bytes that are not a valid OTLP message of the expected type. The message says what is
 * wrong, briefly, and never repeats request content.
 */
public final class MalformedBatchException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public MalformedBatchException(String message) {
    super(message, null, false, false);
  }
}
