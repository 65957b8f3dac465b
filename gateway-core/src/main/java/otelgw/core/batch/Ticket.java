package otelgw.core.batch;

/**
 * A claim on admitted memory that travels with a batch and is released when the data it covers is
 * delivered or dropped. Sharing a batch retains it, so memory is freed only when the last holder
 * (the last exporter of a fan-out) is done. Thread-safe.
 */
public interface Ticket {

  /** The ticket of data nobody accounts for. */
  Ticket NONE =
      new Ticket() {
        @Override
        public Ticket retain() {
          return this;
        }

        @Override
        public void release() {}
      };

  /** Adds a holder; returns the ticket the new holder keeps (this one). */
  Ticket retain();

  /** One holder is done. The last release frees the memory. */
  void release();

  /** A ticket holding both {@code a} and {@code b}, for a batch merged from two. */
  static Ticket combine(Ticket a, Ticket b) {
    if (a == NONE) {
      return b;
    }
    if (b == NONE) {
      return a;
    }
    return new CombinedTicket(a, b);
  }
}
