package otelgw.benchmarks.load;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one load against a target for a warm-up and a measurement window: at a fixed rate (a
 * pacing thread sends each request at its time, asynchronously) or at the maximum rate (a fixed
 * number of requests always in flight, each answer sending the next). Measures acknowledged spans,
 * refusals and failures, acknowledgement latency per request, and the target's CPU time over the
 * window.
 */
final class Driver {

  /** At a fixed rate, requests beyond this many in flight are skipped and counted. */
  static final int MAX_IN_FLIGHT = 2000;

  /**
   * At a fixed rate, a request whose time is this far past (the generator was descheduled) is
   * skipped and counted rather than sent in a burst with the others it fell behind with.
   */
  static final long MAX_LATENESS_NANOS = 100_000_000;

  private final LoadClient client;
  private final byte[] request;
  private final int spansPerRequest;
  private final AtomicLong ackedSpans = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Latencies latencies = new Latencies();
  private final ScheduledExecutorService retries =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "load-retry");
            thread.setDaemon(true);
            return thread;
          });
  private volatile boolean running = true;
  private volatile boolean measuring;

  Driver(LoadClient client, byte[] request, int spansPerRequest) {
    this.client = client;
    this.request = request;
    this.spansPerRequest = spansPerRequest;
  }

  /** What one run measured. */
  record Measured(
      double windowSeconds,
      long ackedSpansInWindow,
      long ackedSpansTotal,
      long targetCpuTicks,
      long generatorCpuTicks,
      long refusedRequests,
      long failedRequests,
      long skippedRequests,
      int latencySamples,
      double p50Millis,
      double p99Millis,
      double maxMillis) {}

  /**
   * Runs the load; {@code spansPerSecond} 0 means maximum rate with {@code concurrency} requests in
   * flight. Returns after the window, once every request sent has been answered (or 30 s).
   */
  Measured run(
      long targetPid, long spansPerSecond, int concurrency, Duration warmup, Duration window)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    long windowStart = start + warmup.toNanos();
    long windowEnd = windowStart + window.toNanos();
    Thread pacer;
    if (spansPerSecond > 0) {
      long interval = Math.round(spansPerRequest * 1e9 / spansPerSecond);
      pacer = new Thread(() -> pace(start, interval, windowEnd), "load-pacer");
      pacer.setDaemon(true);
      pacer.start();
    } else {
      pacer = null;
      for (int i = 0; i < concurrency; i++) {
        sendNext();
      }
    }
    sleepUntil(windowStart);
    long acked0 = ackedSpans.get();
    long cpu0 = ProcStats.cpuTicks(targetPid);
    long self0 = ProcStats.cpuTicks(ProcessHandle.current().pid());
    long t0 = System.nanoTime();
    measuring = true;
    sleepUntil(windowEnd);
    measuring = false;
    long acked1 = ackedSpans.get();
    long cpu1 = ProcStats.cpuTicks(targetPid);
    long self1 = ProcStats.cpuTicks(ProcessHandle.current().pid());
    long t1 = System.nanoTime();
    running = false;
    if (pacer != null) {
      pacer.join();
    }
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (inFlight.get() > 0 && System.nanoTime() < until) {
      Thread.sleep(5);
    }
    retries.shutdownNow();
    return new Measured(
        (t1 - t0) / 1e9,
        acked1 - acked0,
        ackedSpans.get(),
        cpu1 - cpu0,
        self1 - self0,
        refused.get(),
        failed.get(),
        skipped.get(),
        latencies.count(),
        latencies.percentileMillis(0.50),
        latencies.percentileMillis(0.99),
        latencies.percentileMillis(1.0));
  }

  private void pace(long start, long interval, long end) {
    for (long i = 0; ; i++) {
      long due = start + i * interval;
      if (due >= end) {
        return;
      }
      sleepUntilQuietly(due);
      if (inFlight.get() >= MAX_IN_FLIGHT || System.nanoTime() - due > MAX_LATENESS_NANOS) {
        skipped.incrementAndGet();
        continue;
      }
      send(false);
    }
  }

  private void sendNext() {
    if (running) {
      send(true);
    }
  }

  private void send(boolean chain) {
    inFlight.incrementAndGet();
    boolean timed = measuring;
    long sentAt = System.nanoTime();
    client.send(
        request,
        outcome -> {
          long latency = System.nanoTime() - sentAt;
          switch (outcome) {
            case OK -> {
              ackedSpans.addAndGet(spansPerRequest);
              if (timed) {
                latencies.record(latency);
              }
            }
            case REFUSED -> refused.incrementAndGet();
            case FAILED -> failed.incrementAndGet();
          }
          inFlight.decrementAndGet();
          if (chain) {
            if (outcome == LoadClient.Outcome.OK) {
              sendNext();
            } else if (running) {
              // Refused or failed: come back a little later rather than spin on the target.
              retries.schedule(this::sendNext, 5, TimeUnit.MILLISECONDS);
            }
          }
        });
  }

  private static void sleepUntil(long deadline) throws InterruptedException {
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      Thread.sleep(Math.max(1, Math.min(100, left / 1_000_000)));
    }
  }

  private static void sleepUntilQuietly(long deadline) {
    long left;
    while ((left = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(left);
    }
  }
}
