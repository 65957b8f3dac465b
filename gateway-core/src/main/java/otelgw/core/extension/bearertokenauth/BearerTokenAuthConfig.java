package otelgw.core.extension.bearertokenauth;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import otelgw.config.ConfigNode;

/**
 * The {@code bearertokenauth} extension's config, with the Collector's keys. Exactly one of {@code
 * token} and {@code filename} is set.
 *
 * @param token the token itself, usually {@code ${env:TOKEN}}; a secret, never logged or printed
 * @param filename a file holding the token (surrounding white space ignored), read at start and
 *     again whenever it changes, checked every {@link #FILE_CHECK_INTERVAL}
 * @param scheme the word before the token in the header, {@value #DEFAULT_SCHEME} unless set; empty
 *     for a header that holds the bare token
 * @param header the header carrying the credentials, {@value #DEFAULT_HEADER} unless set; kept in
 *     lower case, as HTTP/2 and gRPC send header names
 */
public record BearerTokenAuthConfig(
    Optional<String> token, Optional<Path> filename, String scheme, String header) {

  public static final String DEFAULT_SCHEME = "Bearer";
  public static final String DEFAULT_HEADER = "authorization";

  /** How often {@code filename} is checked for a change: 5 seconds, a few file-time reads. */
  public static final Duration FILE_CHECK_INTERVAL = Duration.ofSeconds(5);

  static BearerTokenAuthConfig parse(ConfigNode node) {
    Optional<String> token = node.optionalString("token").map(String::trim);
    Optional<Path> filename =
        node.optionalString("filename").map(String::trim).filter(f -> !f.isEmpty()).map(Path::of);
    String scheme = node.string("scheme", DEFAULT_SCHEME).trim();
    String header = node.string("header", DEFAULT_HEADER).trim().toLowerCase(Locale.ROOT);
    node.finish(Set.of("token", "filename", "scheme", "header"));
    if (token.isPresent() && filename.isPresent()) {
      node.error("filename", "set 'token' or 'filename', not both");
    } else if (token.isEmpty() && filename.isEmpty()) {
      node.error("token", "set 'token' (such as ${env:TOKEN}) or 'filename'");
    }
    // The message never quotes the token: it is a secret.
    token.ifPresent(
        t -> node.check(Tokens.isValid(t), "token", "must be printable ASCII without spaces"));
    node.check(
        scheme.isEmpty() || Tokens.isHeaderName(scheme),
        "scheme",
        "must be a single word, such as Bearer, or empty");
    node.check(
        Tokens.isHeaderName(header) && !header.endsWith("-bin"),
        "header",
        "must be a header name, such as authorization");
    return new BearerTokenAuthConfig(token, filename, scheme, header);
  }

  @Override
  public String toString() {
    return "BearerTokenAuthConfig[token="
        + token.map(t -> "***")
        + ", filename="
        + filename
        + ", scheme="
        + scheme
        + ", header="
        + header
        + "]";
  }
}
