package otelgw.core.otlp.walk;

import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import java.util.List;

/**
 * What a stage does at each place a request carries user data: attribute lists, free-text fields
 * and log bodies. Each method returns what should stand there instead, or <b>the very object it was
 * given</b> where nothing changes: a {@link RequestWalker} compares by identity and rebuilds only
 * the messages on the path to a change, so a visitor that changes nothing costs no copies.
 *
 * <p>Order: within a log record, the body is visited just before the record's attributes, so a
 * visitor may add to the attributes what it found in the body. Otherwise the order is that of the
 * request, parents before children.
 */
public interface RequestVisitor {

  /** The attributes at {@code site}. */
  List<KeyValue> attributes(Site site, List<KeyValue> attributes);

  /** A free-text field; unchanged by default. */
  default String text(TextField field, String value) {
    return value;
  }

  /** A log record's body, where it has one; unchanged by default. */
  default AnyValue body(AnyValue body) {
    return body;
  }

  /**
   * What this visitor can tell from a request's wire bytes about where it might change it, so that
   * only those parts are decoded; by default nothing, and whole requests are decoded.
   */
  default WireScreen screen() {
    return WireScreen.NONE;
  }
}
