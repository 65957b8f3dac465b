package otelgw.core.otlp.walk;

import java.nio.charset.StandardCharsets;

/**
 * An attribute as a {@link WireScreen} is shown it: its key, decoded from the wire bytes only if
 * asked for, and its value. Reused from attribute to attribute, so valid only during the call it is
 * passed to.
 */
public final class WireAttribute {

  private final WireValue value = new WireValue();
  private byte[] bytes;
  private int keyStart;
  private int keyEnd;
  private String key;

  /** The key; empty where the attribute has none. */
  public String key() {
    if (key == null) {
      key = new String(bytes, keyStart, keyEnd - keyStart, StandardCharsets.UTF_8);
    }
    return key;
  }

  public WireValue value() {
    return value;
  }

  /** Holds the key in {@code bytes[start, end)}, which is valid UTF-8; empty if start is -1. */
  void key(byte[] bytes, int start, int end) {
    this.bytes = bytes;
    this.keyStart = Math.max(start, 0);
    this.keyEnd = start < 0 ? keyStart : end;
    this.key = start < 0 ? "" : null;
  }
}
