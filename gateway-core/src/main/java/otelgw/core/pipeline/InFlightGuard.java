package otelgw.core.pipeline;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.core.batch.InFlightBytes;
import otelgw.core.batch.Ticket;
import otelgw.core.component.Admission;
import otelgw.core.error.RefusedException;
import otelgw.core.telemetry.ThrottledLog;

/**
 * The admission of receivers whose pipelines have no memory limiter: the bytes of requests accepted
 * and not yet delivered or dropped are held under a share of the heap, and new data above it is
 * refused retryably (counted as {@code memory_limit}). Without it, what such pipelines hold is
 * bounded only by their rings and queues, counted in requests: at the maximum rate the passthrough
 * config's 2,000 requests of 84 KB ran a 128 MiB heap out of memory, and the process exited with
 * everything it had acknowledged. The memory limiter, which also watches the heap, is still what a
 * production pipeline wants; this keeps the process alive without one. One per pipeline graph.
 */
final class InFlightGuard implements Admission {

  private static final Logger logger = LoggerFactory.getLogger(InFlightGuard.class);
  private static final RefusedException REFUSED =
      RefusedException.of(RefusedException.Reason.MEMORY_LIMIT);

  /**
   * The share of the heap held in flight, as the recommended limiter settings hold it (30/15): data
   * held past a few young collections is promoted, and the collector then copies it.
   */
  static final int HEAP_PERCENT = 15;

  private static final String OVER_LIMIT =
      "no memory_limiter in the pipelines this receiver feeds, and the data accepted and not"
          + " delivered yet holds "
          + HEAP_PERCENT
          + "% of the heap: refusing new data until exporters catch up";

  private final InFlightBytes inFlight;
  private final ThrottledLog refusals = new ThrottledLog(logger, Duration.ofMinutes(1));

  InFlightGuard(long limit) {
    this.inFlight = new InFlightBytes(limit);
  }

  /** A guard at {@link #HEAP_PERCENT} of the heap this JVM may grow to. */
  static InFlightGuard shareOfTheHeap() {
    return new InFlightGuard(Runtime.getRuntime().maxMemory() * HEAP_PERCENT / 100);
  }

  @Override
  public Ticket admit(long bytes) throws RefusedException {
    Ticket reserved = inFlight.tryReserve(bytes);
    if (reserved == null) {
      refusals.warn(OVER_LIMIT); // a constant: refusing is the hot path of an overloaded gateway
      throw REFUSED;
    }
    return reserved;
  }

  @Override
  public boolean refusing() {
    return inFlight.overLimit();
  }

  long inFlightBytes() {
    return inFlight.held();
  }
}
