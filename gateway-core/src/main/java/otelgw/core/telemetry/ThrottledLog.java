package otelgw.core.telemetry;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Logs a recurring problem as a periodic total: the first occurrence at once, then at most one line
 * per interval saying how much happened since the last line. What is still unreported when the
 * interval ends is written by a timer, so the last burst is never lost; {@link #flush} writes it at
 * once (at shutdown).
 *
 * <p>{@link #warn(String, long)} counts items (spans dropped, say), not calls: its lines carry the
 * total number of items since the last line. The other methods count occurrences.
 *
 * <p>Thread-safe. A suppressed call costs two atomic adds and one volatile write.
 */
public final class ThrottledLog {

  /** Runs a task once after a delay; the system one is a shared daemon thread. */
  @FunctionalInterface
  interface Timer {
    void schedule(Runnable task, long delayNanos);
  }

  private static final long NEVER = Long.MIN_VALUE;

  private final Logger logger;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final Timer timer;
  private final AtomicLong nextAllowed = new AtomicLong(NEVER);
  private final AtomicLong pendingCalls = new AtomicLong();
  private final AtomicLong pendingItems = new AtomicLong();
  private final AtomicBoolean flushScheduled = new AtomicBoolean();
  private volatile Entry latest;
  private volatile boolean reportedBefore;

  /** The last suppressed call's message, written by the next line. */
  private record Entry(String message, Throwable error, boolean isError) {}

  public ThrottledLog(Logger logger, Duration interval) {
    this(logger, interval, System::nanoTime, SystemTimer::schedule);
  }

  ThrottledLog(Logger logger, Duration interval, LongSupplier nanoTime, Timer timer) {
    this.logger = logger;
    this.intervalNanos = interval.toNanos();
    this.nanoTime = nanoTime;
    this.timer = timer;
  }

  /** Records one occurrence of {@code message}. */
  public void warn(String message) {
    record(message, 0, null, false);
  }

  /**
   * Records {@code items} items lost to what {@code message} describes; the lines say how many in
   * all, so the message should not.
   */
  public void warn(String message, long items) {
    record(message, items, null, false);
  }

  /** Records one occurrence of {@code message}, logged as an error with {@code error}. */
  public void error(String message, Throwable error) {
    record(message, 0, error, true);
  }

  /** Writes what has not been reported yet, now; nothing if nothing is pending. */
  public void flush() {
    if (pendingCalls.get() == 0) {
      return;
    }
    nextAllowed.set(nanoTime.getAsLong() + intervalNanos);
    emitPending();
  }

  private void record(String message, long items, Throwable error, boolean isError) {
    pendingCalls.incrementAndGet();
    if (items > 0) {
      pendingItems.addAndGet(items);
    }
    latest = new Entry(message, error, isError);
    long now = nanoTime.getAsLong();
    if (claimLine(now)) {
      emitPending();
    } else {
      scheduleFlush(now);
    }
  }

  /** Whether the interval has passed and this caller won the right to write the next line. */
  private boolean claimLine(long now) {
    long allowed = nextAllowed.get();
    boolean due = allowed == NEVER || now - allowed >= 0;
    return due && nextAllowed.compareAndSet(allowed, now + intervalNanos);
  }

  private void scheduleFlush(long now) {
    if (flushScheduled.compareAndSet(false, true)) {
      timer.schedule(this::timedFlush, Math.max(0, nextAllowed.get() - now));
    }
  }

  private void timedFlush() {
    flushScheduled.set(false);
    if (pendingCalls.get() == 0) {
      return;
    }
    long now = nanoTime.getAsLong();
    if (claimLine(now)) {
      emitPending();
    } else {
      scheduleFlush(now); // a line was written meanwhile; report the rest after the next interval
    }
  }

  private void emitPending() {
    long calls = pendingCalls.getAndSet(0);
    long items = pendingItems.getAndSet(0);
    Entry entry = latest;
    if (calls == 0 || entry == null) {
      return;
    }
    String line;
    if (items > 0) {
      line =
          entry.message()
              + " ("
              + items
              + (items == 1 ? " item" : " items")
              + (reportedBefore ? " since the last report)" : ")");
    } else if (calls > 1) {
      line = entry.message() + " (and " + (calls - 1) + " more like it since the last report)";
    } else {
      line = entry.message();
    }
    reportedBefore = true;
    if (entry.isError()) {
      logger.error(line, entry.error());
    } else {
      logger.warn(line);
    }
  }

  /** One daemon thread for every throttled log's end-of-interval flush; started on first use. */
  private static final class SystemTimer {
    private static final ScheduledExecutorService EXECUTOR =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "otelgw-throttled-log");
              thread.setDaemon(true);
              return thread;
            });

    static void schedule(Runnable task, long delayNanos) {
      EXECUTOR.schedule(task, delayNanos, TimeUnit.NANOSECONDS);
    }
  }
}
