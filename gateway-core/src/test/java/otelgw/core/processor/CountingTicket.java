package otelgw.core.processor;

import java.util.concurrent.atomic.AtomicInteger;
import otelgw.core.batch.Ticket;

/** A ticket that counts its holders, to check that processors move and release tickets. */
public final class CountingTicket implements Ticket {

  private final AtomicInteger holders = new AtomicInteger(1);
  private final AtomicInteger releases = new AtomicInteger();

  @Override
  public Ticket retain() {
    holders.incrementAndGet();
    return this;
  }

  @Override
  public void release() {
    releases.incrementAndGet();
    if (holders.decrementAndGet() < 0) {
      throw new AssertionError("released more often than retained");
    }
  }

  /** Holders left: 0 once every holder released it. */
  public int holders() {
    return holders.get();
  }

  public int releases() {
    return releases.get();
  }
}
