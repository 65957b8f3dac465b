package otelgw.core.component;

import java.util.Map;

/**
 * Gives an exporter the credentials to send with each request: what an authenticator extension,
 * such as {@code bearertokenauth}, offers to an exporter whose config says {@code auth: {
 * authenticator: <id> }}. They are sent besides the exporter's static {@code headers}, and win over
 * a static header of the same name.
 *
 * <p>Thread-safe and cheap: called for every request, so that rotated credentials are used at once.
 */
public interface ClientAuthenticator {

  /**
   * The headers (gRPC metadata) to add to a request now, names lower case; empty when there are no
   * credentials to send. The values are secrets: never log them.
   */
  Map<String, String> headers();
}
