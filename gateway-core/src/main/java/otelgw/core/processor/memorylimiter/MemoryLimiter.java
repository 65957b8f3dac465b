package otelgw.core.processor.memorylimiter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.config.ComponentId;
import otelgw.core.batch.InFlightBytes;
import otelgw.core.batch.Ticket;
import otelgw.core.component.Admission;
import otelgw.core.error.RefusedException;
import otelgw.core.telemetry.MetricNames;
import otelgw.core.telemetry.ThrottledLog;

/**
 * The memory limiter's admission check, shared by every pipeline that lists it. Two measures:
 *
 * <ul>
 *   <li>the bytes of requests admitted and not yet delivered or dropped, accounted exactly (every
 *       admitted request holds a ticket its last holder releases), held under the soft limit;
 *   <li>the heap held by live data, sampled every {@code check_interval} on a ticker, held under
 *       the hard limit, so that memory otelgw does not account for (decoded messages, buffers)
 *       counts too. The spike allowance between the limits is the room that this and the rest of
 *       the process need beside the data in flight.
 * </ul>
 *
 * <p>{@link #admit} runs on receivers' I/O threads: one volatile read and one atomic add.
 *
 * <p>Each change between accepting and refusing is logged once, with its cause: the heap (entered
 * and left on the ticker) or in-flight bytes (entered by the first refused request, left on the
 * ticker after a check interval without such a refusal, so that a limit hit by every other request
 * does not log every other request).
 */
final class MemoryLimiter implements Admission {

  private static final Logger logger = LoggerFactory.getLogger(MemoryLimiter.class);

  /**
   * Forced collections are at least this far apart: each stops the world, and data that really is
   * above the limit would otherwise have one on every tick.
   */
  static final Duration MIN_COLLECTION_INTERVAL = Duration.ofSeconds(1);

  private static final RefusedException REFUSED =
      RefusedException.of(RefusedException.Reason.MEMORY_LIMIT);

  private final ComponentId id;
  private final Duration checkInterval;
  private final long softLimit;
  private final long hardLimit;
  private final LongSupplier heap;
  private final Runnable collectGarbage;
  private final long minCollectionInterval;
  private long lastCollection; // ticker only
  private final Logger log;
  private final InFlightBytes inFlight;
  private final AtomicReference<State> state = new AtomicReference<>(State.ACCEPTING);
  private final ThrottledLog checkFailures;
  private volatile long heapLive;
  private volatile boolean heapOverLimit;
  // Set by a refusal for in-flight bytes; the ticker leaves that state after a quiet interval.
  private volatile boolean refusedSinceCheck;
  private ScheduledExecutorService ticker;

  /** Accepting, or refusing and why. Each change is logged once, by whoever makes it. */
  enum State {
    ACCEPTING,
    REFUSING_HEAP,
    REFUSING_IN_FLIGHT
  }

  MemoryLimiter(
      ComponentId id,
      MemoryLimiterConfig config,
      long maxHeap,
      HeapSampler heap,
      MeterRegistry meters) {
    this(id, config, maxHeap, heap, heap::collect, meters, logger, MIN_COLLECTION_INTERVAL);
  }

  MemoryLimiter(
      ComponentId id,
      MemoryLimiterConfig config,
      long maxHeap,
      LongSupplier heap,
      Runnable collectGarbage,
      MeterRegistry meters,
      Logger log,
      Duration minCollectionInterval) {
    this.id = id;
    this.collectGarbage = collectGarbage;
    this.minCollectionInterval = minCollectionInterval.toNanos();
    this.lastCollection = System.nanoTime() - this.minCollectionInterval;
    this.log = log;
    this.checkFailures = new ThrottledLog(log, Duration.ofMinutes(1));
    this.checkInterval = config.checkInterval();
    this.hardLimit = config.hardLimitBytes(maxHeap);
    this.softLimit = config.softLimitBytes(maxHeap);
    this.inFlight = new InFlightBytes(softLimit);
    this.heap = heap;
    String component = id.toString();
    Gauge.builder(MetricNames.MEMORY_LIMITER_IN_FLIGHT, inFlight, InFlightBytes::held)
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
    if (heapOverLimit) {
      throw REFUSED;
    }
    Ticket reserved = inFlight.tryReserve(bytes);
    if (reserved == null) {
      refusedForInFlight(inFlight.held());
      throw REFUSED;
    }
    return reserved;
  }

  // Plain reads first: only the request that changes the state pays for a write and a log line.
  private void refusedForInFlight(long held) {
    if (!refusedSinceCheck) {
      refusedSinceCheck = true;
    }
    if (state.get() == State.ACCEPTING
        && state.compareAndSet(State.ACCEPTING, State.REFUSING_IN_FLIGHT)) {
      log.warn(
          "memory limiter {}: {} MiB of admitted data is not delivered yet, above the soft limit"
              + " of {} MiB; refusing new data until exporters catch up",
          id,
          held >> 20,
          softLimit >> 20);
    }
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
    log.info(
        "memory limiter {}: refusing new data above {} MiB in flight (hard limit {} MiB)",
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

  /**
   * Samples the heap and moves between accepting and refusing; runs on the ticker. Never throws: an
   * exception would cancel the schedule and freeze the limiter in its last state.
   */
  void check() {
    try {
      sample();
    } catch (RuntimeException e) {
      checkFailures.error("memory limiter " + id + ": the heap check failed; will check again", e);
    }
  }

  private void sample() {
    heapLive = heap.getAsLong();
    long now = System.nanoTime();
    // The heap is held under the hard limit; the soft limit is for the data in flight, accounted
    // exactly in admit(). The heap reads as that data plus everything else live, so held to the
    // soft limit too it refused whenever in-flight data neared its own limit, a check interval at
    // a time: in the load test, a second of refusals every two seconds.
    //
    // Above the hard limit, collect first, as the Collector does: what reads as live after young
    // collections includes old-generation garbage that only a full collection finds, and under
    // the Serial and Parallel collectors the old generation reads as it was at the last full
    // collection, which, while new data is refused, nothing allocates enough to bring. Judge by
    // what is really left.
    // Ticks at a fixed rate come a little early as often as late: half a check's slack keeps an
    // interval equal to the check's from skipping every other collection.
    if (heapLive > hardLimit
        && now - lastCollection >= minCollectionInterval - checkInterval.toNanos() / 2) {
      lastCollection = now;
      collectGarbage.run();
      heapLive = heap.getAsLong();
    }
    boolean over = heapLive > hardLimit;
    heapOverLimit = over;
    if (over) {
      State before = state.getAndSet(State.REFUSING_HEAP);
      if (before != State.REFUSING_HEAP) {
        log.warn(
            "memory limiter {}: live heap {} MiB is above the hard limit of {} MiB; refusing new"
                + " data until it drops",
            id,
            heapLive >> 20,
            hardLimit >> 20);
      }
    } else if (state.compareAndSet(State.REFUSING_HEAP, State.ACCEPTING)) {
      log.info(
          "memory limiter {}: live heap {} MiB is below the hard limit again; accepting data",
          id,
          heapLive >> 20);
    } else if (!refusedSinceCheck
        && state.compareAndSet(State.REFUSING_IN_FLIGHT, State.ACCEPTING)) {
      log.info(
          "memory limiter {}: no request refused for in-flight bytes since the last check ({} MiB"
              + " in flight); accepting data",
          id,
          inFlight.held() >> 20);
    }
    refusedSinceCheck = false;
  }

  /** Whether it is refusing, and why; changes are logged. */
  State state() {
    return state.get();
  }

  @Override
  public boolean refusing() {
    return state.get() != State.ACCEPTING || inFlight.overLimit();
  }

  long inFlightBytes() {
    return inFlight.held();
  }
}
