package otelgw.testing;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets {@link Fault.Slow} wait on a handler thread without outliving the servers: {@link
 * #releaseAll} ends every current wait at once, so stop and close never hang on an injected delay.
 */
final class DelayGate {

  private volatile CountDownLatch released = new CountDownLatch(1);

  /**
   * Waits for {@code delay}. Returns {@code true} if it fully elapsed, {@code false} if the gate
   * was released (or the thread interrupted) first.
   */
  boolean await(Duration delay) {
    try {
      return !released.await(delay.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  void releaseAll() {
    released.countDown();
  }

  /** Makes later waits last their full delay again, after a restart. */
  void rearm() {
    released = new CountDownLatch(1);
  }
}
