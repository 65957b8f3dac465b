package otelgw.core.batch;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;

/** A ticket for {@code bytes} that calls {@code onFree} once its last holder releases it. */
public final class CountedTicket implements Ticket {

  private final long bytes;
  private final LongConsumer onFree;
  private final AtomicInteger holders = new AtomicInteger(1);

  public CountedTicket(long bytes, LongConsumer onFree) {
    this.bytes = bytes;
    this.onFree = onFree;
  }

  @Override
  public Ticket retain() {
    holders.incrementAndGet();
    return this;
  }

  @Override
  public void release() {
    int left = holders.decrementAndGet();
    if (left == 0) {
      onFree.accept(bytes);
    } else if (left < 0) {
      throw new IllegalStateException("ticket released more often than retained");
    }
  }
}
