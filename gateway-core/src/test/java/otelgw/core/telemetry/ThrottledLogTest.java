package otelgw.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ThrottledLogTest {

  private static final Duration INTERVAL = Duration.ofSeconds(10);

  private final ListLogger logger = new ListLogger();
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
  private final List<Runnable> timerTasks = new ArrayList<>();
  private final List<Long> timerDelays = new ArrayList<>();
  private final ThrottledLog log =
      new ThrottledLog(
          logger,
          INTERVAL,
          nanos::get,
          (task, delayNanos) -> {
            timerTasks.add(task);
            timerDelays.add(delayNanos);
          });

  private void advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
  }

  /** Runs the timer's tasks that are due, as the real timer would after their delay. */
  private void runTimer() {
    List<Runnable> due = new ArrayList<>(timerTasks);
    timerTasks.clear();
    timerDelays.clear();
    due.forEach(Runnable::run);
  }

  @Test
  void logsTheFirstOccurrenceAndSuppressesTheRestWithinTheInterval() {
    log.warn("queue full");
    log.warn("queue full");
    log.warn("queue full");

    assertThat(logger.lines).containsExactly("WARN queue full");
  }

  @Test
  void theNextLineSaysHowManyCallsWereSuppressed() {
    log.warn("dropped");
    log.warn("dropped");
    log.warn("dropped");
    advance(INTERVAL);

    log.warn("dropped");

    assertThat(logger.lines)
        .containsExactly("WARN dropped", "WARN dropped (and 2 more like it since the last report)");
  }

  @Test
  void itemCountsAreReportedAsATotalOfItemsNotOfCalls() {
    log.warn("exporter otlp/x dropped spans (retries_exhausted)", 5);
    log.warn("exporter otlp/x dropped spans (retries_exhausted)", 7);
    log.warn("exporter otlp/x dropped spans (retries_exhausted)", 8);
    advance(INTERVAL.plusMillis(1));

    log.warn("exporter otlp/x dropped spans (retries_exhausted)", 1);

    assertThat(logger.lines)
        .containsExactly(
            "WARN exporter otlp/x dropped spans (retries_exhausted) (5 items)",
            "WARN exporter otlp/x dropped spans (retries_exhausted) (16 items since the last"
                + " report)");
  }

  @Test
  void theTimerReportsTheLastBurstWhenTheIntervalEnds() {
    log.warn("dropped", 1);
    advance(Duration.ofSeconds(2));
    log.warn("dropped", 10);
    log.warn("dropped", 20);

    assertThat(timerTasks).hasSize(1); // one flush scheduled, not one per call
    assertThat(timerDelays).containsExactly(Duration.ofSeconds(8).toNanos());
    assertThat(logger.lines).hasSize(1);

    advance(Duration.ofSeconds(8));
    runTimer();

    assertThat(logger.lines)
        .containsExactly("WARN dropped (1 item)", "WARN dropped (30 items since the last report)");
    assertThat(timerTasks).isEmpty();
  }

  @Test
  void aTimedFlushWithNothingPendingWritesNothing() {
    log.warn("dropped", 3);
    advance(Duration.ofSeconds(1));
    log.warn("dropped", 4);
    log.flush();
    advance(INTERVAL);

    runTimer();

    assertThat(logger.lines)
        .containsExactly("WARN dropped (3 items)", "WARN dropped (4 items since the last report)");
  }

  @Test
  void flushWritesWhatIsPendingAtOnceAndNothingTwice() {
    log.warn("dropped", 3);
    log.flush(); // nothing pending: the first line has it all
    log.warn("dropped", 4);
    log.warn("dropped", 5);

    log.flush();
    log.flush();

    assertThat(logger.lines)
        .containsExactly("WARN dropped (3 items)", "WARN dropped (9 items since the last report)");
  }

  @Test
  void aQuietIntervalLetsTheNextOccurrenceThroughAtOnce() {
    log.warn("dropped", 3);
    advance(INTERVAL.multipliedBy(5));

    log.warn("dropped", 2);

    assertThat(logger.lines)
        .containsExactly("WARN dropped (3 items)", "WARN dropped (2 items since the last report)");
    assertThat(timerTasks).isEmpty();
  }

  @Test
  void errorsCarryTheirThrowable() {
    RuntimeException boom = new RuntimeException("boom");

    log.error("stage failed", boom);
    log.error("stage failed", boom);

    assertThat(logger.lines).containsExactly("ERROR stage failed");
    assertThat(logger.errors).containsExactly(boom);
  }

  @Test
  void theSystemTimerFlushesWithoutFurtherCalls() {
    ThrottledLog real = new ThrottledLog(logger, Duration.ofMillis(50));
    real.warn("dropped", 1);
    real.warn("dropped", 2);

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> logger.lines.size() == 2);
    assertThat(logger.lines.get(1)).isEqualTo("WARN dropped (2 items since the last report)");
  }
}
