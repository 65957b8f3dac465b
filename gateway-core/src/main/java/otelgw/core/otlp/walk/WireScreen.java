package otelgw.core.otlp.walk;

/**
 * Tells from a request's wire bytes which of its parts a {@link RequestVisitor} might change, so
 * that only those are parsed, walked and encoded again, and the rest is copied as bytes. The parts
 * are each resource, each instrumentation scope and each record: a span with its events, links and
 * status; a log record with its body; a metric with its data points and exemplars.
 *
 * <p>For each part, the walker calls {@link #beginPart} and, unless that rules the part out, shows
 * the screen, read from the bytes and in their order, everything in the part the visitor would be
 * shown: each attribute, free-text field (an absent one as {@code ""}) and log body. It stops at
 * the first "may change" and walks that part with the visitor.
 *
 * <p>A screen must be conservative: where it says nothing in a part may change, the visitor must
 * return every list, string and body of that part unchanged, and must not change an empty attribute
 * list, which the screen is not shown. Where it cannot tell, as for a {@link WireValue.Kind#UNREAD}
 * value, it says "may change". It counts nothing: what the visitor counts it counts when it walks
 * the part.
 */
public interface WireScreen {

  /** No screen: anything may change, and walkers decode whole requests. */
  WireScreen NONE =
      new WireScreen() {
        @Override
        public boolean mayChange(Site site, WireAttribute attribute) {
          return true;
        }

        @Override
        public boolean mayChange(TextField field, String value) {
          return true;
        }

        @Override
        public boolean mayChangeBody(WireValue body) {
          return true;
        }
      };

  /**
   * The walker is about to screen the part encoded in {@code bytes[start, end)}: whether anything
   * in it might change, told from the bytes alone. Every string of the part is among them in UTF-8,
   * so a screen whose rules need text the bytes do not hold can rule the part out here; the walker
   * then shows it nothing of the part.
   */
  default boolean beginPart(byte[] bytes, int start, int end) {
    return true;
  }

  /** Whether the visitor might change an attribute at {@code site}, or add something for it. */
  boolean mayChange(Site site, WireAttribute attribute);

  /** Whether the visitor might change a free-text field. */
  boolean mayChange(TextField field, String value);

  /** Whether the visitor might change a log record's body, or what it adds for it. */
  boolean mayChangeBody(WireValue body);
}
