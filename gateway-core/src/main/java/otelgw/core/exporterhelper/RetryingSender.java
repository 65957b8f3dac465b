package otelgw.core.exporterhelper;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.config.ComponentId;
import otelgw.config.RetrySettings;
import otelgw.core.batch.Batch;
import otelgw.core.error.GatewayException;
import otelgw.core.error.PermanentException;
import otelgw.core.error.ThrottledException;
import otelgw.core.exporterhelper.ExporterMeters.DropReason;
import otelgw.core.telemetry.SendHealth;
import otelgw.core.telemetry.ThrottledLog;

/**
 * Sends one batch to the end: retries what the backend says is passing, with back-off, until it
 * goes through, the backend says it never will, or {@code max_elapsed_time} runs out. Counts the
 * outcome once per batch: sent, or send-failed and dropped with a reason.
 */
final class RetryingSender<B extends Batch<?>> {

  private static final Logger logger = LoggerFactory.getLogger(RetryingSender.class);

  private final ComponentId exporter;
  private final Sender<B> sender;
  private final Optional<RetrySettings> retry;
  private final ExporterMeters meters;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;
  private final RandomGenerator random;

  /** How often at most each kind of drop is logged, as a total of items. */
  static final Duration DEFAULT_LOG_INTERVAL = Duration.ofSeconds(10);

  // One log per reason, so that each line's total is of one kind of drop.
  private final Map<DropReason, ThrottledLog> dropLogs = new EnumMap<>(DropReason.class);
  private final ThrottledLog partialLog = new ThrottledLog(logger, DEFAULT_LOG_INTERVAL);
  private final SendOutcomes outcomes = new SendOutcomes(Clock.systemUTC());
  private volatile boolean abandoned;

  RetryingSender(
      ComponentId exporter,
      Sender<B> sender,
      Optional<RetrySettings> retry,
      ExporterMeters meters,
      Sleeper sleeper,
      LongSupplier nanoTime,
      RandomGenerator random) {
    this.exporter = exporter;
    this.sender = sender;
    this.retry = retry;
    this.meters = meters;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
    this.random = random;
    for (DropReason reason : DropReason.values()) {
      dropLogs.put(reason, new ThrottledLog(logger, DEFAULT_LOG_INTERVAL));
    }
  }

  /**
   * Sends {@code batch}, retrying as configured; returns when it is sent or dropped, and releases
   * the memory it was admitted with either way.
   */
  void send(B batch) {
    try {
      sendUntilDone(batch);
    } finally {
      batch.release();
    }
  }

  private void sendUntilDone(B batch) {
    int items = batch.itemCount();
    long start = nanoTime.getAsLong();
    Backoff backoff = retry.map(r -> new Backoff(r, random)).orElse(null);
    while (true) {
      GatewayException failure;
      try {
        PartialSuccess partial = sender.send(batch);
        outcomes.succeeded();
        recordSent(items, partial);
        return;
      } catch (PermanentException e) {
        outcomes.failed(e.getMessage());
        drop(items, DropReason.PERMANENT_ERROR, e);
        return;
      } catch (GatewayException e) {
        outcomes.failed(e.getMessage());
        failure = e; // retryable or throttled: worth another attempt
      } catch (RuntimeException e) {
        outcomes.failed("unexpected error: " + e);
        drop(items, DropReason.PERMANENT_ERROR, new PermanentException("unexpected error", e));
        return;
      }
      if (backoff == null || abandoned) {
        drop(items, abandoned ? DropReason.SHUTDOWN : DropReason.RETRIES_EXHAUSTED, failure);
        return;
      }
      Duration wait =
          failure instanceof ThrottledException throttled
              ? backoff.next(throttled.delay())
              : backoff.next();
      Duration maxElapsed = retry.get().maxElapsedTime();
      long elapsedAfterWait = nanoTime.getAsLong() - start + wait.toNanos();
      if (!maxElapsed.isZero() && elapsedAfterWait > maxElapsed.toNanos()) {
        drop(items, DropReason.RETRIES_EXHAUSTED, failure);
        return;
      }
      meters.retries.increment();
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        drop(items, DropReason.SHUTDOWN, failure);
        return;
      }
    }
  }

  /** How the attempts of this sender have gone lately. */
  SendHealth health() {
    return outcomes.snapshot();
  }

  /** From now on, a failed attempt is not retried: shutdown has run out of time. */
  void abandon() {
    abandoned = true;
  }

  /** Writes the drop totals not yet logged; at shutdown, so the last burst is not lost. */
  void flushLogs() {
    dropLogs.values().forEach(ThrottledLog::flush);
    partialLog.flush();
  }

  private void recordSent(int items, PartialSuccess partial) {
    if (!partial.isPartial()) {
      meters.sent.increment(items);
      return;
    }
    long rejected = Math.min(items, partial.rejectedItems());
    meters.sent.increment(items - rejected);
    meters.sendFailed.increment(rejected);
    meters.dropped(DropReason.PERMANENT_ERROR).increment(rejected);
    partialLog.warn(
        "exporter " + exporter + ": the backend rejected items; last message: " + partial.message(),
        rejected);
  }

  private void drop(int items, DropReason reason, GatewayException cause) {
    meters.sendFailed.increment(items);
    meters.dropped(reason).increment(items);
    dropLogs
        .get(reason)
        .warn(
            "exporter "
                + exporter
                + ": dropped items ("
                + reason.label()
                + "); last cause: "
                + cause.getMessage(),
            items);
  }
}
