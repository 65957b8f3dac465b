package otelgw.core.batch;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The bytes of requests accepted and not yet delivered or dropped, held under a limit: each
 * reservation is a ticket that gives its bytes back when its last holder releases it. Lock-free; a
 * reservation is one atomic add, and one more when it is refused.
 */
public final class InFlightBytes {

  private final long limit;
  private final AtomicLong held = new AtomicLong();

  public InFlightBytes(long limit) {
    this.limit = limit;
  }

  /**
   * Reserves {@code bytes}, or returns null, reserving nothing, where that would take what is held
   * above the limit. A lone request larger than the limit is still let in: refusing it would refuse
   * it for ever.
   */
  public Ticket tryReserve(long bytes) {
    long after = held.addAndGet(bytes);
    if (after > limit && after != bytes) {
      held.addAndGet(-bytes);
      return null;
    }
    return new CountedTicket(bytes, this::free);
  }

  /** The bytes held now. */
  public long held() {
    return held.get();
  }

  /** Whether what is held is above the limit (a lone large request). */
  public boolean overLimit() {
    return held.get() > limit;
  }

  private void free(long bytes) {
    held.addAndGet(-bytes);
  }
}
