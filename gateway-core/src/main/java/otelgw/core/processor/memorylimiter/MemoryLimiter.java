package otelgw.core.processor.memorylimiter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.config.ComponentId;
import otelgw.core.batch.CountedTicket;
import otelgw.core.batch.Ticket;
import otelgw.core.component.Admission;
import otelgw.core.error.RefusedException;
import otelgw.core.telemetry.MetricNames;

/**
 * The memory limiter's admission check, shared by every pipeline that lists it. Two measures, each
 * held under the soft limit:
 *
 * <ul>
 *   <li>the bytes of requests admitted and not yet delivered or dropped, accounted exactly: every
 *       admitted request holds a ticket its last holder releases;
 *   <li>the heap held by live data, sampled every {@code check_interval} on a ticker, so that
 *       memory otelgw does not account for (decoded messages, buffers) counts too.
 * </ul>
 *
 * <p>{@link #admit} runs on receivers' I/O threads: one volatile read and one atomic add.
 */
final class MemoryLimiter implements Admission {

  private static final Logger logger = LoggerFactory.getLogger(MemoryLimiter.class);
  private static final RefusedException REFUSED =
      RefusedException.of(RefusedException.Reason.MEMORY_LIMIT);

  private final ComponentId id;
  private final Duration checkInterval;
  private final long softLimit;
  private final long hardLimit;
  private final LongSupplier heap;
  private final AtomicLong inFlight = new AtomicLong();
  private volatile long heapLive;
  private volatile boolean overSoftLimit;
  private ScheduledExecutorService ticker;

  MemoryLimiter(
      ComponentId id,
      MemoryLimiterConfig config,
      long maxHeap,
      LongSupplier heap,
      MeterRegistry meters) {
    this.id = id;
    this.checkInterval = config.checkInterval();
    this.hardLimit = config.hardLimitBytes(maxHeap);
    this.softLimit = config.softLimitBytes(maxHeap);
    this.heap = heap;
    String component = id.toString();
    Gauge.builder(MetricNames.MEMORY_LIMITER_IN_FLIGHT, inFlight, AtomicLong::get)
        .description("Bytes of requests admitted and not yet delivered or dropped.")
        .baseUnit("bytes")
        .tag("processor", component)
        .register(meters);
    Gauge.builder(MetricNames.MEMORY_LIMITER_HEAP, this, limiter -> limiter.heapLive)
        .description("Heap held by live data at the last check.")
        .baseUnit("bytes")
        .tag("processor", component)
        .register(meters);
    Gauge.builder(MetricNames.MEMORY_LIMITER_SOFT_LIMIT, this, limiter -> limiter.softLimit)
        .description("Above this, new data is refused.")
        .baseUnit("bytes")
        .tag("processor", component)
        .register(meters);
    Gauge.builder(MetricNames.MEMORY_LIMITER_REFUSING, this, limiter -> limiter.refusing() ? 1 : 0)
        .description("1 while the memory limiter refuses new data, 0 otherwise.")
        .tag("processor", component)
        .register(meters);
  }

  @Override
  public Ticket admit(long bytes) throws RefusedException {
    if (overSoftLimit) {
      throw REFUSED;
    }
    long after = inFlight.addAndGet(bytes);
    if (after > softLimit && after != bytes) {
      inFlight.addAndGet(-bytes); // a lone request larger than the limit is still let in
      throw REFUSED;
    }
    return new CountedTicket(bytes, this::free);
  }

  @Override
  public synchronized void start() {
    if (ticker != null) {
      return;
    }
    check();
    ticker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "otelgw-memory-limiter-" + id);
              thread.setDaemon(true);
              return thread;
            });
    long period = checkInterval.toNanos();
    ticker.scheduleAtFixedRate(this::check, period, period, TimeUnit.NANOSECONDS);
    logger.info(
        "memory limiter {}: refusing new data above {} MiB (hard limit {} MiB)",
        id,
        softLimit >> 20,
        hardLimit >> 20);
  }

  @Override
  public synchronized void shutdown(Duration deadline) {
    if (ticker != null) {
      ticker.shutdownNow();
    }
  }

  /** Samples the heap and logs when the limiter starts or stops refusing. */
  void check() {
    heapLive = heap.getAsLong();
    boolean over = heapLive > softLimit;
    if (over != overSoftLimit) {
      overSoftLimit = over;
      if (over) {
        logger.warn(
            "memory limiter {}: live heap {} MiB is above the soft limit of {} MiB; refusing new"
                + " data until it drops",
            id,
            heapLive >> 20,
            softLimit >> 20);
      } else {
        logger.info(
            "memory limiter {}: live heap {} MiB is below the soft limit again; accepting data",
            id,
            heapLive >> 20);
      }
    }
  }

  @Override
  public boolean refusing() {
    return overSoftLimit || inFlight.get() > softLimit;
  }

  long inFlightBytes() {
    return inFlight.get();
  }

  private void free(long bytes) {
    inFlight.addAndGet(-bytes);
  }
}
