package otelgw.core.otlp;

/**
 * A request body that is not valid OTLP/JSON. The message says what is wrong and where (JSON path,
 * line and column) in words a client can act on. It never quotes the body: not a value, not an
 * unknown key, not a token the parser choked on; so it is safe to return in a {@code 400} answer
 * and to log.
 *
 * <p>It carries no stack trace: it describes the input, not a fault in otelgw, and a flood of bad
 * requests should cost little to reject.
 */
public final class OtlpJsonException extends Exception {
  private static final long serialVersionUID = 1L;

  OtlpJsonException(String message) {
    super(message, null, false, false);
  }
}
