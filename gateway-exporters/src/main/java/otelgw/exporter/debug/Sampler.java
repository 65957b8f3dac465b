package otelgw.exporter.debug;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The debug exporter's sampling, as the Collector's logger samples: in each one-second window the
 * first {@code initial} batches pass, then every {@code thereafter}-th (none if it is 0).
 * Thread-safe: pipelines sharing the exporter call it from their own threads.
 */
final class Sampler {

  private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

  private final int initial;
  private final int thereafter;
  private final LongSupplier nanoTime;
  private long windowStart;
  private long seen; // in the current window; 0 before the first batch

  Sampler(int initial, int thereafter, LongSupplier nanoTime) {
    this.initial = initial;
    this.thereafter = thereafter;
    this.nanoTime = nanoTime;
  }

  /** Whether to print the batch at hand. */
  synchronized boolean sample() {
    long now = nanoTime.getAsLong();
    if (seen == 0 || now - windowStart >= WINDOW_NANOS) {
      windowStart = now;
      seen = 0;
    }
    seen++;
    if (seen <= initial) {
      return true;
    }
    return thereafter > 0 && (seen - initial) % thereafter == 0;
  }
}
