package otelgw.core.processor.redaction;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces what is masked: with {@link #MASK}, or with the hex digest of it. Not thread-safe (it
 * reuses one digest); one per processor.
 */
final class Masker {

  static final String MASK = "****";

  private static final HexFormat HEX = HexFormat.of();

  private final MessageDigest digest;
  private final Mac mac;

  Masker(HashFunction function, String hmacKey) {
    try {
      if (function == HashFunction.NONE) {
        digest = null;
        mac = null;
      } else if (function.isKeyed()) {
        digest = null;
        mac = Mac.getInstance(function.algorithm());
        mac.init(new SecretKeySpec(hmacKey.getBytes(StandardCharsets.UTF_8), function.algorithm()));
      } else {
        digest = MessageDigest.getInstance(function.algorithm());
        mac = null;
      }
    } catch (GeneralSecurityException e) {
      // Every JDK has these algorithms, and an empty key is refused when the config is read.
      throw new IllegalStateException("cannot set up " + function.configName(), e);
    }
  }

  /** Whether every replacement is the same {@link #MASK}. */
  boolean isPlain() {
    return digest == null && mac == null;
  }

  String mask(String text) {
    return isPlain() ? MASK : mask(text.getBytes(StandardCharsets.UTF_8));
  }

  String mask(byte[] bytes) {
    if (mac != null) {
      return HEX.formatHex(mac.doFinal(bytes));
    }
    return digest == null ? MASK : HEX.formatHex(digest.digest(bytes));
  }
}
