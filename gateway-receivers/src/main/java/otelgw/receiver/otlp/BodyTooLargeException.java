package otelgw.receiver.otlp;

/** A request body over {@code max_request_body_size}, as sent or once decompressed. */
final class BodyTooLargeException extends Exception {

  private static final long serialVersionUID = 1L;

  BodyTooLargeException(String message) {
    super(message, null, false, false);
  }

  static BodyTooLargeException decompressed(int limit) {
    return new BodyTooLargeException(
        "the request body is larger than max_request_body_size ("
            + limit
            + " bytes) once decompressed; send smaller batches");
  }

  static BodyTooLargeException sent(long size, int limit) {
    return new BodyTooLargeException(
        "the request body"
            + (size >= 0 ? " (" + size + " bytes)" : "")
            + " is larger than max_request_body_size ("
            + limit
            + " bytes); send smaller batches");
  }
}
