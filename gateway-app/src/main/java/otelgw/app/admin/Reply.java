package otelgw.app.admin;

import java.nio.charset.StandardCharsets;

/**
 * One answer of an admin endpoint.
 *
 * @param status the HTTP status code
 * @param contentType the {@code Content-Type} header
 * @param body the body; sent as is, not copied
 */
public record Reply(int status, String contentType, byte[] body) {

  public static final String JSON = "application/json";

  /** A JSON body. */
  public static Reply json(int status, byte[] body) {
    return new Reply(status, JSON, body);
  }

  /** A plain-text body. */
  public static Reply text(int status, String body) {
    return new Reply(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
  }
}
