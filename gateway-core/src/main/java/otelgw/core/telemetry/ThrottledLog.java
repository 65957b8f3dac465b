package otelgw.core.telemetry;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * Logs a recurring problem at most once per interval: the first occurrence in full, then a line
 * with how many more happened since. Thread-safe and cheap when suppressing: one atomic add.
 */
public final class ThrottledLog {

  private final Logger logger;
  private final long intervalNanos;
  private final AtomicLong nextAllowed = new AtomicLong(Long.MIN_VALUE);
  private final AtomicLong suppressed = new AtomicLong();

  public ThrottledLog(Logger logger, Duration interval) {
    this.logger = logger;
    this.intervalNanos = interval.toNanos();
  }

  public void warn(String message) {
    log(message, null, false);
  }

  public void error(String message, Throwable error) {
    log(message, error, true);
  }

  private void log(String message, Throwable error, boolean isError) {
    long now = System.nanoTime();
    long allowed = nextAllowed.get();
    if ((allowed != Long.MIN_VALUE && now - allowed < 0)
        || !nextAllowed.compareAndSet(allowed, now + intervalNanos)) {
      suppressed.incrementAndGet();
      return;
    }
    long more = suppressed.getAndSet(0);
    String line =
        more > 0 ? message + " (and " + more + " more like it since the last report)" : message;
    if (isError) {
      logger.error(line, error);
    } else {
      logger.warn(line);
    }
  }
}
