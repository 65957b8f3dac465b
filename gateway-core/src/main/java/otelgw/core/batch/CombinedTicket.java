package otelgw.core.batch;

/** The tickets of batches merged into one: retained and released together. */
final class CombinedTicket implements Ticket {

  private final Ticket first;
  private final Ticket second;

  CombinedTicket(Ticket first, Ticket second) {
    this.first = first;
    this.second = second;
  }

  @Override
  public Ticket retain() {
    first.retain();
    second.retain();
    return this;
  }

  @Override
  public void release() {
    first.release();
    second.release();
  }
}
