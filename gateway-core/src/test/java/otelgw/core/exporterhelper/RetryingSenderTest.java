package otelgw.core.exporterhelper;

import static org.assertj.core.api.Assertions.assertThat;
import static otelgw.core.exporterhelper.Fakes.count;
import static otelgw.core.exporterhelper.Fakes.dropped;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import otelgw.config.ComponentId;
import otelgw.config.RetrySettings;
import otelgw.config.Signal;
import otelgw.core.batch.CountedTicket;
import otelgw.core.batch.TestBatches;
import otelgw.core.batch.TraceBatch;
import otelgw.core.error.PermanentException;
import otelgw.core.error.RetryableException;
import otelgw.core.error.ThrottledException;
import otelgw.core.exporterhelper.Fakes.Fail;
import otelgw.core.exporterhelper.Fakes.Ok;
import otelgw.core.exporterhelper.Fakes.ScriptedSender;
import otelgw.core.telemetry.MetricNames;

class RetryingSenderTest {

  private static final String SENT = MetricNames.exporterSent(Signal.TRACES);
  private static final String SEND_FAILED = MetricNames.exporterSendFailed(Signal.TRACES);

  /** 1s, 2s, 4s, 8s, 8s... with no jitter, given up after 10s. */
  private static final RetrySettings RETRY =
      new RetrySettings(Duration.ofSeconds(1), 0, 2, Duration.ofSeconds(8), Duration.ofSeconds(10));

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final Fakes.Clock clock = new Fakes.Clock();
  private final Fakes.RecordingSleeper sleeper = new Fakes.RecordingSleeper(clock);
  private final ScriptedSender backend = new ScriptedSender();
  private final TraceBatch batch = TestBatches.traceBatch("checkout", 10);

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private RetryingSender<TraceBatch> sender(Optional<RetrySettings> retry) {
    ExporterMeters exporterMeters =
        new ExporterMeters(ComponentId.parse("otlp/test"), Signal.TRACES, meters);
    return new RetryingSender<>(
        ComponentId.parse("otlp/test"),
        backend,
        retry,
        exporterMeters,
        sleeper,
        clock::now,
        new Random(3));
  }

  @Test
  void retriesRetryableFailuresWithBackoffUntilSent() {
    backend.failing(3, new RetryableException("unavailable"));

    sender(Optional.of(RETRY)).send(batch);

    assertThat(backend.attempts).isEqualTo(4);
    assertThat(sleeper.sleeps)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(count(meters, SENT)).isEqualTo(10);
    assertThat(count(meters, SEND_FAILED)).isZero();
    assertThat(count(meters, MetricNames.EXPORTER_RETRIES)).isEqualTo(3);
  }

  @Test
  void aThrottledAnswerWaitsAtLeastTheServersDelay() {
    backend.then(new Fail(new ThrottledException("slow down", Duration.ofSeconds(7))));

    sender(Optional.of(RETRY)).send(batch);

    assertThat(backend.attempts).isEqualTo(2);
    assertThat(sleeper.sleeps).containsExactly(Duration.ofSeconds(7));
    assertThat(count(meters, SENT)).isEqualTo(10);
  }

  @Test
  void aPermanentErrorIsNeverRetried() {
    backend.then(new Fail(new PermanentException("400 bad request")));

    sender(Optional.of(RETRY)).send(batch);

    assertThat(backend.attempts).isEqualTo(1);
    assertThat(sleeper.sleeps).isEmpty();
    assertThat(count(meters, SENT)).isZero();
    assertThat(count(meters, SEND_FAILED)).isEqualTo(10);
    assertThat(dropped(meters, "permanent_error")).isEqualTo(10);
    assertThat(count(meters, MetricNames.EXPORTER_RETRIES)).isZero();
  }

  @Test
  void anUnexpectedExceptionIsTreatedAsPermanent() {
    backend.then(new Fail(new IllegalStateException("bug in the transport")));

    sender(Optional.of(RETRY)).send(batch);

    assertThat(backend.attempts).isEqualTo(1);
    assertThat(dropped(meters, "permanent_error")).isEqualTo(10);
  }

  @Test
  void givesUpAtMaxElapsedTime() {
    backend.failing(1000, new RetryableException("unavailable"));

    sender(Optional.of(RETRY)).send(batch);

    // Waits 1 + 2 + 4 = 7s; the next wait (8s) would end past 10s, so it stops there.
    assertThat(sleeper.sleeps)
        .containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4));
    assertThat(backend.attempts).isEqualTo(4);
    assertThat(sleeper.total()).isLessThanOrEqualTo(RETRY.maxElapsedTime());
    assertThat(dropped(meters, "retries_exhausted")).isEqualTo(10);
    assertThat(count(meters, SEND_FAILED)).isEqualTo(10);
    assertThat(count(meters, SENT)).isZero();
  }

  @Test
  void maxElapsedTimeZeroRetriesForever() {
    backend.failing(60, new RetryableException("unavailable"));

    sender(
            Optional.of(
                new RetrySettings(
                    Duration.ofSeconds(1), 0, 2, Duration.ofSeconds(8), Duration.ZERO)))
        .send(batch);

    assertThat(backend.attempts).isEqualTo(61);
    assertThat(sleeper.total()).isGreaterThan(Duration.ofMinutes(5)); // far past any default
    assertThat(count(meters, SENT)).isEqualTo(10);
    assertThat(count(meters, SEND_FAILED)).isZero();
  }

  @Test
  void withoutRetrySettingsAFailureDropsAtOnce() {
    backend.then(new Fail(new RetryableException("unavailable")));

    sender(Optional.empty()).send(batch);

    assertThat(backend.attempts).isEqualTo(1);
    assertThat(sleeper.sleeps).isEmpty();
    assertThat(dropped(meters, "retries_exhausted")).isEqualTo(10);
  }

  @Test
  void aPartialSuccessCountsTheAcceptedAsSentAndTheRejectedAsFailed() {
    backend.then(new Ok(new PartialSuccess(3, "3 spans had no trace id")));

    sender(Optional.of(RETRY)).send(batch);

    assertThat(backend.attempts).isEqualTo(1);
    assertThat(count(meters, SENT)).isEqualTo(7);
    assertThat(count(meters, SEND_FAILED)).isEqualTo(3);
    assertThat(dropped(meters, "permanent_error")).isEqualTo(3);
  }

  @Test
  void aPartialSuccessNeverCountsMoreRejectedThanItems() {
    backend.then(new Ok(new PartialSuccess(50, "")));

    sender(Optional.of(RETRY)).send(batch);

    assertThat(count(meters, SENT)).isZero();
    assertThat(count(meters, SEND_FAILED)).isEqualTo(10);
  }

  @Test
  void afterAbandonAFailureIsDroppedAsShutdownWithoutWaiting() {
    backend.failing(5, new RetryableException("unavailable"));
    RetryingSender<TraceBatch> sender = sender(Optional.of(RETRY));

    sender.abandon();
    sender.send(batch);

    assertThat(backend.attempts).isEqualTo(1);
    assertThat(sleeper.sleeps).isEmpty();
    assertThat(dropped(meters, "shutdown")).isEqualTo(10);
  }

  @Test
  void anInterruptedWaitDropsAsShutdownAndKeepsTheInterrupt() {
    backend.failing(5, new RetryableException("unavailable"));
    ExporterMeters exporterMeters =
        new ExporterMeters(ComponentId.parse("otlp/test"), Signal.TRACES, meters);
    RetryingSender<TraceBatch> sender =
        new RetryingSender<>(
            ComponentId.parse("otlp/test"),
            backend,
            Optional.of(RETRY),
            exporterMeters,
            duration -> {
              throw new InterruptedException();
            },
            clock::now,
            new Random(3));

    sender.send(batch);

    assertThat(Thread.currentThread().isInterrupted()).isTrue();
    assertThat(dropped(meters, "shutdown")).isEqualTo(10);
  }

  @Test
  void releasesTheBatchWhateverTheOutcome() {
    AtomicLong freed = new AtomicLong();
    TraceBatch sent = TestBatches.traceBatch("a", 1);
    sent.attach(new CountedTicket(10, freed::addAndGet));
    TraceBatch failed = TestBatches.traceBatch("b", 1);
    failed.attach(new CountedTicket(100, freed::addAndGet));
    RetryingSender<TraceBatch> sender = sender(Optional.empty());

    sender.send(sent);
    backend.then(new Fail(new PermanentException("no")));
    sender.send(failed);

    assertThat(freed).hasValue(110);
  }
}
