package otelgw.benchmarks.load;

import java.util.Arrays;

/** Acknowledgement latencies of one run, in nanoseconds; percentiles by sorting. Thread-safe. */
final class Latencies {

  private long[] values = new long[4096];
  private int count;

  synchronized void record(long nanos) {
    if (count == values.length) {
      values = Arrays.copyOf(values, count * 2);
    }
    values[count++] = nanos;
  }

  synchronized int count() {
    return count;
  }

  /** The {@code fraction} percentile (0.5 for the median), in milliseconds; NaN if empty. */
  synchronized double percentileMillis(double fraction) {
    if (count == 0) {
      return Double.NaN;
    }
    long[] sorted = Arrays.copyOf(values, count);
    Arrays.sort(sorted);
    int index = (int) Math.ceil(fraction * count) - 1;
    return sorted[Math.max(0, Math.min(count - 1, index))] / 1e6;
  }
}
