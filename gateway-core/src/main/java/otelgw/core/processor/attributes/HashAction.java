package otelgw.core.processor.attributes;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * {@code hash}: replaces each value the action takes by the hex SHA-256 of its bytes, encoded as
 * the Collector does (a string's UTF-8, a bool as one byte, an int or a double's bits as eight
 * bytes little-endian), so both produce the same digests. Bytes are hashed as they are, maps and
 * arrays as their protobuf encoding, where the Collector writes an empty string.
 */
final class HashAction implements Action {

  private static final HexFormat HEX = HexFormat.of();

  private final KeyMatcher keys;
  private final MessageDigest sha256;

  HashAction(KeyMatcher keys) {
    this.keys = keys;
    try {
      this.sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  @Override
  public void apply(AttributeEditor attributes) {
    for (int i = 0, n = attributes.size(); i < n; i++) {
      KeyValue attribute = attributes.get(i);
      if (keys.matches(attribute.getKey())) {
        String digest = HEX.formatHex(sha256.digest(bytesOf(attribute.getValue())));
        attributes.set(
            i,
            attribute.toBuilder().setValue(AnyValue.newBuilder().setStringValue(digest)).build());
      }
    }
  }

  static byte[] bytesOf(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue().getBytes(StandardCharsets.UTF_8);
      case BOOL_VALUE -> new byte[] {(byte) (value.getBoolValue() ? 1 : 0)};
      case INT_VALUE -> littleEndian(value.getIntValue());
      case DOUBLE_VALUE -> littleEndian(Double.doubleToRawLongBits(value.getDoubleValue()));
      case BYTES_VALUE -> value.getBytesValue().toByteArray();
      default -> value.toByteArray();
    };
  }

  private static byte[] littleEndian(long bits) {
    return ByteBuffer.allocate(Long.BYTES).order(ByteOrder.LITTLE_ENDIAN).putLong(bits).array();
  }
}
