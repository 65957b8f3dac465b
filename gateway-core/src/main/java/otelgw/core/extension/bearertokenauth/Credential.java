package otelgw.core.extension.bearertokenauth;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * One token in the two forms it is used in: the SHA-256 digest a presented token is compared with,
 * and the header value a client sends. Comparing digests of equal length with {@link
 * MessageDigest#isEqual} takes the same time whatever the presented token is, so neither how much
 * of it matched nor the length of the real one shows in the timing. Immutable.
 */
final class Credential {

  private static final MessageDigest SHA_256 = sha256();

  private final byte[] digest;
  private final String headerValue;

  private Credential(byte[] digest, String headerValue) {
    this.digest = digest;
    this.headerValue = headerValue;
  }

  /** The credential of {@code token}, sent as {@code scheme token} (or the bare token). */
  static Credential of(String token, String scheme) {
    return new Credential(digest(token), scheme.isEmpty() ? token : scheme + " " + token);
  }

  /** Whether {@code presented} is the token; constant time in the token. */
  boolean matches(CharSequence presented) {
    return MessageDigest.isEqual(digest, digest(presented));
  }

  String headerValue() {
    return headerValue;
  }

  private static byte[] digest(CharSequence text) {
    MessageDigest sha;
    try {
      sha = (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      sha = sha256();
    }
    return sha.digest(text.toString().getBytes(UTF_8));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public String toString() {
    return "Credential[***]";
  }
}
