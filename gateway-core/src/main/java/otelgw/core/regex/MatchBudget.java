package otelgw.core.regex;

/**
 * How much matching work guarded patterns may do: at most {@link #WINDOW_READS} char reads for one
 * window of one value, and a total per batch that the owner sets with {@link #reset}. Once the
 * total is spent, every further guarded match fails as too costly until the next reset, so a
 * request full of hostile values costs a bounded amount of time, not one budget per value.
 *
 * <p>Not thread-safe: one per processor, used on its ring consumer thread.
 */
public final class MatchBudget {

  /**
   * Reads one window may take: {@value}. Well-behaved patterns read each char a few times; this
   * still lets a quadratic one (a greedy class followed by a literal) finish on runs of about a
   * thousand chars, and stops catastrophic backtracking within about 5 to 20 ms.
   */
  public static final long WINDOW_READS = 1 << 20;

  /** The smallest total a batch gets, whatever its size: {@value} reads. */
  public static final long MIN_BATCH_READS = 1 << 24;

  /** Reads a batch may take per byte of its encoding and per pattern applied to it. */
  public static final long READS_PER_BYTE_AND_PATTERN = 16;

  private long remaining = MIN_BATCH_READS;

  /** Starts a batch of {@code bytes} bytes that {@code patterns} patterns will be applied to. */
  public void reset(long bytes, int patterns) {
    remaining = Math.max(MIN_BATCH_READS, READS_PER_BYTE_AND_PATTERN * bytes * patterns);
  }

  /** Whether the batch's total is spent, so every further guarded match fails. */
  public boolean exhausted() {
    return remaining <= 0;
  }

  /** The work left, as a mark to {@link #rewind} to. */
  public long mark() {
    return remaining;
  }

  /**
   * Gives back the work spent since {@code mark}: for a check that tries a batch's values before it
   * decides to redact them, where the redaction repeats that work and should be charged it once.
   */
  public void rewind(long mark) {
    remaining = mark;
  }

  long allowance() {
    return Math.max(0, Math.min(WINDOW_READS, remaining));
  }

  void spend(long reads) {
    remaining -= reads;
  }
}
