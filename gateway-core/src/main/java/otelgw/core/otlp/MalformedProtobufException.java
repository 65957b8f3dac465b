package otelgw.core.otlp;

/**
 * Protobuf wire bytes that cannot be a valid message: a truncated field, a varint longer than ten
 * bytes, an invalid wire type, an unbalanced group. The message is short, names the field number
 * and byte offset, and never quotes the payload, so it is safe to return in an {@code
 * INVALID_ARGUMENT} / {@code 400} answer.
 *
 * <p>Checked on purpose: every caller decides how a malformed request is answered. It carries no
 * stack trace, so rejecting a flood of bad requests stays cheap.
 */
public final class MalformedProtobufException extends Exception {
  private static final long serialVersionUID = 1L;

  MalformedProtobufException(String message) {
    super(message, null, false, false);
  }
}
