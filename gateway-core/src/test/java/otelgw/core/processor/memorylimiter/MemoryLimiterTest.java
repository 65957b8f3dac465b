package otelgw.core.processor.memorylimiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import otelgw.config.ComponentId;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblems;
import otelgw.core.batch.Ticket;
import otelgw.core.error.RefusedException;

class MemoryLimiterTest {

  private static final long MIB = 1024 * 1024;
  private final AtomicLong heap = new AtomicLong();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private MemoryLimiter limiter(long limitMib, long spikeMib) {
    MemoryLimiterConfig config =
        new MemoryLimiterConfig(Duration.ofSeconds(1), limitMib, spikeMib, 0, 0);
    return new MemoryLimiter(
        ComponentId.parse("memory_limiter"), config, 1024 * MIB, heap::get, meters);
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
  void refusesWhileLiveHeapIsAboveTheSoftLimit() throws Exception {
    MemoryLimiter limiter = limiter(100, 20); // soft limit 80 MiB
    heap.set(90 * MIB);
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
}
