package otelgw.core.processor.memorylimiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import otelgw.config.ComponentId;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblems;
import otelgw.core.batch.Ticket;
import otelgw.core.error.RefusedException;
import otelgw.core.processor.memorylimiter.MemoryLimiter.State;
import otelgw.core.telemetry.ListLogger;

class MemoryLimiterTest {

  private static final long MIB = 1024 * 1024;
  private final AtomicLong heap = new AtomicLong();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private final ListLogger log = new ListLogger();

  private final AtomicInteger collections = new AtomicInteger();

  private MemoryLimiter limiter(long limitMib, long spikeMib) {
    MemoryLimiterConfig config =
        new MemoryLimiterConfig(Duration.ofSeconds(1), limitMib, spikeMib, 0, 0);
    return new MemoryLimiter(
        ComponentId.parse("memory_limiter"),
        config,
        1024 * MIB,
        heap::get,
        collections::incrementAndGet,
        meters,
        log,
        MemoryLimiter.MIN_COLLECTION_INTERVAL);
  }

  /** A limiter of 100 MiB with 20 MiB of spike, collecting garbage with {@code collect}. */
  private MemoryLimiter collecting(
      Duration checkInterval, Runnable collect, Duration minCollectionInterval) {
    return new MemoryLimiter(
        ComponentId.parse("memory_limiter"),
        new MemoryLimiterConfig(checkInterval, 100, 20, 0, 0),
        1024 * MIB,
        heap::get,
        collect,
        meters,
        log,
        minCollectionInterval);
  }

  private static void refuse(MemoryLimiter limiter, long bytes) {
    assertThatThrownBy(() -> limiter.admit(bytes)).isInstanceOf(RefusedException.class);
  }

  private double refusingGauge() {
    return meters.get("otelgw.memory_limiter.refusing").gauge().value();
  }

  @Test
  void admitsUpToTheSoftLimitAndFreesOnRelease() throws Exception {
    MemoryLimiter limiter = limiter(10, 2); // soft limit 8 MiB
    Ticket first = limiter.admit(5 * MIB);
    Ticket second = limiter.admit(3 * MIB);

    assertThatThrownBy(() -> limiter.admit(1))
        .isInstanceOfSatisfying(
            RefusedException.class,
            e -> assertThat(e.reason()).isEqualTo(RefusedException.Reason.MEMORY_LIMIT));
    assertThat(limiter.inFlightBytes()).isEqualTo(8 * MIB);

    first.release();
    assertThat(limiter.inFlightBytes()).isEqualTo(3 * MIB);
    limiter.admit(4 * MIB);
    second.release();
  }

  @Test
  void sharedTicketFreesOnlyWhenTheLastHolderReleases() throws Exception {
    MemoryLimiter limiter = limiter(10, 2);
    Ticket ticket = limiter.admit(MIB);
    ticket.retain();

    ticket.release();
    assertThat(limiter.inFlightBytes()).isEqualTo(MIB);
    ticket.release();
    assertThat(limiter.inFlightBytes()).isZero();
  }

  @Test
  void aLoneRequestLargerThanTheLimitIsLetIn() throws Exception {
    MemoryLimiter limiter = limiter(10, 2);
    limiter.admit(20 * MIB).release();
    assertThat(limiter.inFlightBytes()).isZero();
  }

  @Test
  void refusesWhileLiveHeapIsAboveTheHardLimitNotTheSoftOne() throws Exception {
    MemoryLimiter limiter = limiter(100, 20); // soft limit 80 MiB, hard 100 MiB
    heap.set(90 * MIB); // in-flight data and what else lives: the soft limit is for the former
    limiter.check();
    limiter.admit(1).release();

    heap.set(110 * MIB);
    limiter.check();
    assertThatThrownBy(() -> limiter.admit(1)).isInstanceOf(RefusedException.class);
    assertThat(meters.get("otelgw.memory_limiter.refusing").gauge().value()).isEqualTo(1);

    heap.set(50 * MIB);
    limiter.check();
    limiter.admit(1).release();
    assertThat(meters.get("otelgw.memory_limiter.refusing").gauge().value()).isZero();
  }

  @Test
  void spikeDefaultsToAFifthOfTheLimitAndPercentagesUseTheMaximumHeap() {
    assertThat(new MemoryLimiterConfig(Duration.ofSeconds(1), 100, 0, 0, 0).softLimitBytes(0))
        .isEqualTo(80 * MIB);
    MemoryLimiterConfig percent = new MemoryLimiterConfig(Duration.ofSeconds(1), 0, 0, 50, 10);
    assertThat(percent.hardLimitBytes(1000 * MIB)).isEqualTo(500 * MIB);
    assertThat(percent.softLimitBytes(1000 * MIB)).isEqualTo(400 * MIB);
  }

  @Test
  void configErrorsNameTheirKeys() {
    ConfigProblems problems = new ConfigProblems();
    MemoryLimiterConfig.parse(
        ConfigNode.parse(
            "check_interval: 0s\nlimit_mib: 100\nspike_limit_mib: 100\n",
            "processors.memory_limiter",
            problems));
    assertThat(problems.all())
        .extracting(Object::toString)
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("processors.memory_limiter.check_interval")
                    .contains("greater than 0"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("spike_limit_mib")
                    .contains("must be less than 'limit_mib'"));

    ConfigProblems none = new ConfigProblems();
    MemoryLimiterConfig.parse(
        ConfigNode.parse("check_interval: 1s\n", "processors.memory_limiter", none));
    assertThat(none.all())
        .extracting(Object::toString)
        .anySatisfy(p -> assertThat(p).contains("set 'limit_mib' or 'limit_percentage'"));
  }

  @Test
  void refusingForInFlightBytesLogsOnceWhenItStartsAndOnceWhenItStops() throws Exception {
    MemoryLimiter limiter = limiter(10, 2); // soft limit 8 MiB
    Ticket held = limiter.admit(8 * MIB);

    refuse(limiter, MIB);
    refuse(limiter, MIB);
    refuse(limiter, MIB);

    assertThat(limiter.state()).isEqualTo(State.REFUSING_IN_FLIGHT);
    assertThat(refusingGauge()).isEqualTo(1);
    assertThat(log.lines)
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .startsWith("WARN memory limiter memory_limiter: 8 MiB")
                    .contains("above the soft limit of 8 MiB"));

    held.release();
    limiter.check(); // a refusal since the last check: still refusing
    assertThat(limiter.state()).isEqualTo(State.REFUSING_IN_FLIGHT);
    limiter.check(); // a quiet interval: accepting again
    limiter.check();

    assertThat(limiter.state()).isEqualTo(State.ACCEPTING);
    assertThat(refusingGauge()).isZero();
    assertThat(log.lines).hasSize(2);
    assertThat(log.lines.get(1)).startsWith("INFO").contains("accepting data");
    limiter.admit(MIB).release();
    assertThat(log.lines).hasSize(2);
  }

  @Test
  void refusingForTheHeapLogsOnceEachWay() {
    MemoryLimiter limiter = limiter(100, 20); // hard limit 100 MiB
    heap.set(110 * MIB);
    limiter.check();
    limiter.check();
    limiter.check();
    heap.set(50 * MIB);
    limiter.check();
    limiter.check();

    assertThat(log.lines).hasSize(2);
    assertThat(log.lines.get(0)).startsWith("WARN").contains("live heap 110 MiB is above");
    assertThat(log.lines.get(1)).startsWith("INFO").contains("below the hard limit again");
    assertThat(limiter.state()).isEqualTo(State.ACCEPTING);
  }

  @Test
  void aRefusalForInFlightBytesThatTurnsIntoOneForTheHeapSaysSo() throws Exception {
    MemoryLimiter limiter = limiter(100, 20); // soft limit 80 MiB
    Ticket held = limiter.admit(80 * MIB);
    refuse(limiter, MIB);
    heap.set(110 * MIB);

    limiter.check();
    refuse(limiter, MIB); // refused for the heap now: no new line
    held.release();
    heap.set(10 * MIB);
    limiter.check();

    assertThat(log.lines)
        .extracting(line -> line.substring(0, line.indexOf(':')))
        .containsExactly(
            "WARN memory limiter memory_limiter",
            "WARN memory limiter memory_limiter",
            "INFO memory limiter memory_limiter");
    assertThat(log.lines.get(0)).contains("not delivered yet");
    assertThat(log.lines.get(1)).contains("live heap 110 MiB");
    assertThat(log.lines.get(2)).contains("below the hard limit again");
    assertThat(limiter.state()).isEqualTo(State.ACCEPTING);
  }

  @Test
  void aboveTheHardLimitItCollectsGarbageAndJudgesByWhatIsLeft() {
    MemoryLimiter limiter = limiter(100, 20); // soft 80 MiB, hard 100 MiB
    heap.set(90 * MIB);

    limiter.check();

    assertThat(collections).hasValue(0); // between the limits: accept, no collection
    assertThat(limiter.state()).isEqualTo(State.ACCEPTING);

    heap.set(120 * MIB);
    MemoryLimiter collecting =
        collecting(
            Duration.ofSeconds(1),
            () -> {
              collections.incrementAndGet();
              heap.set(30 * MIB); // the full collection found it was mostly garbage
            },
            MemoryLimiter.MIN_COLLECTION_INTERVAL);

    collecting.check();

    assertThat(collections).hasValue(1);
    assertThat(collecting.state()).isEqualTo(State.ACCEPTING);

    heap.set(120 * MIB); // still above at once: no second stop-the-world within the interval
    collecting.check();

    assertThat(collections).hasValue(1);
    assertThat(collecting.state()).isEqualTo(State.REFUSING_HEAP);
  }

  @Test
  void aTickALittleEarlyStillCollectsWhenTheIntervalIsTheChecks() throws Exception {
    // At a fixed rate of 1 s, the next tick may come 0.999 s after the last collection.
    MemoryLimiter limiter =
        collecting(Duration.ofSeconds(1), collections::incrementAndGet, Duration.ofSeconds(1));
    heap.set(110 * MIB);

    limiter.check();
    Thread.sleep(600);
    limiter.check();

    assertThat(collections).hasValue(2);
  }

  @Test
  void aStaleReadingIsVerifiedByACollectionOnEveryCheckItKeepsRefusing() {
    // Serial and Parallel report the old generation as of the last full collection: a reading
    // that nothing refreshes while refusing would keep data out for good.
    AtomicInteger staleChecks = new AtomicInteger(2);
    MemoryLimiter limiter =
        collecting(
            Duration.ZERO,
            () -> {
              collections.incrementAndGet();
              if (staleChecks.decrementAndGet() == 0) {
                heap.set(10 * MIB);
              }
            },
            Duration.ZERO);
    heap.set(110 * MIB);

    limiter.check();

    assertThat(collections).hasValue(1);
    assertThat(limiter.state()).isEqualTo(State.REFUSING_HEAP);

    limiter.check();

    assertThat(collections).hasValue(2);
    assertThat(limiter.state()).isEqualTo(State.ACCEPTING);
  }

  @Test
  void aFailedCheckIsLoggedAndDoesNotThrow() {
    MemoryLimiter limiter =
        new MemoryLimiter(
            ComponentId.parse("memory_limiter"),
            new MemoryLimiterConfig(Duration.ofSeconds(1), 100, 20, 0, 0),
            1024 * MIB,
            () -> {
              throw new IllegalStateException("pool gone");
            },
            collections::incrementAndGet,
            meters,
            log,
            MemoryLimiter.MIN_COLLECTION_INTERVAL);

    assertThatCode(limiter::check).doesNotThrowAnyException();
    assertThat(log.lines).singleElement().asString().startsWith("ERROR").contains("heap check");
    assertThat(log.errors).singleElement().extracting(Throwable::getMessage).isEqualTo("pool gone");
  }

  @Test
  void startSamplesOnItsTickerAndKeepsTickingAfterAFailure() {
    AtomicInteger samples = new AtomicInteger();
    MemoryLimiter limiter =
        new MemoryLimiter(
            ComponentId.parse("memory_limiter"),
            new MemoryLimiterConfig(Duration.ofMillis(10), 100, 20, 0, 0),
            1024 * MIB,
            () -> {
              if (samples.incrementAndGet() == 2) {
                throw new IllegalStateException("once");
              }
              return heap.get();
            },
            collections::incrementAndGet,
            meters,
            log,
            MemoryLimiter.MIN_COLLECTION_INTERVAL);
    try {
      limiter.start();
      assertThat(samples.get()).isEqualTo(1); // start() checks at once

      await().atMost(Duration.ofSeconds(10)).until(() -> samples.get() >= 5);

      heap.set(110 * MIB); // above the hard limit
      await().atMost(Duration.ofSeconds(10)).until(() -> limiter.state() == State.REFUSING_HEAP);
      assertThat(log.lines).anySatisfy(line -> assertThat(line).startsWith("ERROR"));
    } finally {
      limiter.shutdown(Duration.ZERO);
    }
  }

  @Test
  void percentagesMustBeInRangeAndTheSpikeBelowTheLimit() {
    assertThat(problems("limit_percentage: 101\n"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("processors.memory_limiter.limit_percentage")
                    .contains("between 1 and 100"));
    assertThat(problems("limit_percentage: 50\nspike_limit_percentage: -1\n"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("processors.memory_limiter.spike_limit_percentage")
                    .contains("between 0 and 100"));
    assertThat(problems("limit_percentage: 50\nspike_limit_percentage: 150\n"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("processors.memory_limiter.spike_limit_percentage")
                    .contains("between 0 and 100"));
    assertThat(problems("limit_percentage: 50\nspike_limit_percentage: 50\n"))
        .singleElement()
        .asString()
        .contains("processors.memory_limiter.spike_limit_percentage")
        .contains("must be less than 'limit_percentage'");
    assertThat(problems("limit_percentage: -5\n"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("processors.memory_limiter.limit_percentage")
                    .contains("between 1 and 100"));
    assertThat(problems("limit_percentage: 80\nspike_limit_percentage: 20\n")).isEmpty();
  }

  private static java.util.List<String> problems(String yaml) {
    ConfigProblems problems = new ConfigProblems();
    MemoryLimiterConfig.parse(ConfigNode.parse(yaml, "processors.memory_limiter", problems));
    return problems.all().stream().map(Object::toString).toList();
  }
}
