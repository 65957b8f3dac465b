package otelgw.core.exporterhelper;

/**
 * OTLP's partial success: the backend accepted the request but rejected some items. Logged and
 * counted, never retried (the backend has said it will not take them).
 *
 * @param rejectedItems items the backend rejected
 * @param message the backend's explanation, possibly empty
 */
public record PartialSuccess(long rejectedItems, String message) {

  /** Everything was accepted. */
  public static final PartialSuccess NONE = new PartialSuccess(0, "");

  public boolean isPartial() {
    return rejectedItems > 0 || !message.isEmpty();
  }
}
