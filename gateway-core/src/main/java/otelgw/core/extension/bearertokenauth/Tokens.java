package otelgw.core.extension.bearertokenauth;

/** What may stand in a token and in a header name. */
final class Tokens {

  private Tokens() {}

  /** Visible ASCII with no spaces: what a header value can carry after the scheme. */
  static boolean isValid(String token) {
    if (token.isEmpty()) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= ' ' || c > '~') {
        return false;
      }
    }
    return true;
  }

  /** An HTTP token (RFC 9110 {@code tchar}s): a header name, or an authentication scheme. */
  static boolean isHeaderName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean alphanumeric =
          (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
      if (!alphanumeric && "!#$%&'*+-.^_`|~".indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }
}
