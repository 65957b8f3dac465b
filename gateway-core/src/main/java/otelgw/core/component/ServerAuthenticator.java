package otelgw.core.component;

/**
 * Checks the credentials of the requests a receiver takes: what an authenticator extension, such as
 * {@code bearertokenauth}, offers to a protocol whose config says {@code auth: { authenticator:
 * <id> }}. The receiver calls it on the request's head, before it reads, decompresses or parses any
 * of the body.
 *
 * <p>Thread-safe, non-blocking and cheap: it is called on I/O threads for every request.
 */
public interface ServerAuthenticator {

  /** The request header (HTTP) or metadata key (gRPC) holding the credentials, lower case. */
  String header();

  /**
   * The authentication scheme to name in a 401's {@code WWW-Authenticate} header, such as {@code
   * Bearer}; empty to send none.
   */
  String challenge();

  /**
   * Whether {@code value}, the value of {@link #header()} or null when the request has none,
   * carries valid credentials. Takes the same time whatever part of a secret matches, so that the
   * answer's timing does not tell how close a guess was.
   */
  boolean authenticate(CharSequence value);
}
