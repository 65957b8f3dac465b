package otelgw.core.processor.redaction;

import java.util.Optional;

/**
 * What a masked value is replaced with: {@code ****} ({@link #NONE}, the default, also named {@code
 * mask}), or the hex digest of what it replaces, so that equal values stay comparable without being
 * readable. The names are the Collector's, plus {@code mask} and {@code sha256}; the {@code hmac-}
 * functions are keyed with {@code hmac_key}, which makes the digests of guessable values (card
 * numbers, e-mail addresses) impossible to reverse by trying candidates.
 */
public enum HashFunction {
  /** No hash: {@code ****}, the contrib processor's default, named so that it can be written. */
  NONE("mask", null),
  MD5("md5", "MD5"),
  SHA1("sha1", "SHA-1"),
  SHA3("sha3", "SHA3-256"),
  SHA256("sha256", "SHA-256"),
  HMAC_SHA256("hmac-sha256", "HmacSHA256"),
  HMAC_SHA512("hmac-sha512", "HmacSHA512");

  private final String configName;
  private final String algorithm;

  HashFunction(String configName, String algorithm) {
    this.configName = configName;
    this.algorithm = algorithm;
  }

  public String configName() {
    return configName;
  }

  /** Whether this function needs {@code hmac_key}. */
  public boolean isKeyed() {
    return this == HMAC_SHA256 || this == HMAC_SHA512;
  }

  /** The JCA algorithm name, or null for {@link #NONE}. */
  String algorithm() {
    return algorithm;
  }

  static Optional<HashFunction> byName(String name) {
    for (HashFunction function : values()) {
      if (function.configName.equals(name)) {
        return Optional.of(function);
      }
    }
    return Optional.empty();
  }
}
