package otelgw.app;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The most heap in use while it watches, sampled every 5 ms: a rough upper bound on what a request
 * cost, since every thread's garbage counts, the test's own included.
 */
final class HeapWatch implements AutoCloseable {

  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final AtomicLong peak = new AtomicLong();
  private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
  private final long before;

  HeapWatch() {
    before = used();
    peak.set(before);
    sampler.scheduleAtFixedRate(
        () -> peak.accumulateAndGet(used(), Math::max), 0, 5, TimeUnit.MILLISECONDS);
  }

  /** The highest heap use seen, less the use when watching began, in MiB. */
  long growthMib() {
    peak.accumulateAndGet(used(), Math::max);
    return Math.max(0, peak.get() - before) >> 20;
  }

  private long used() {
    return memory.getHeapMemoryUsage().getUsed();
  }

  @Override
  public void close() {
    sampler.shutdownNow();
  }
}
