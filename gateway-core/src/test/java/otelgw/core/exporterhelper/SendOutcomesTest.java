package otelgw.core.exporterhelper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import otelgw.core.telemetry.SendHealth;

class SendOutcomesTest {

  private final SettableClock clock = new SettableClock(Instant.parse("2025-01-01T00:00:00Z"));
  private final SendOutcomes outcomes = new SendOutcomes(clock);

  @Test
  void nothingKnownBeforeTheFirstAttempt() {
    assertThat(outcomes.snapshot()).isEqualTo(SendHealth.UNKNOWN);
  }

  @Test
  void aRunOfFailuresIsDatedFromItsFirstAndEndsAtTheNextSuccess() {
    Instant first = clock.now;
    outcomes.failed("UNAVAILABLE: connection refused");
    clock.advance(Duration.ofSeconds(3));
    outcomes.failed("UNAVAILABLE: still refused");

    SendHealth failing = outcomes.snapshot();
    assertThat(failing.failingSince()).contains(first);
    assertThat(failing.lastFailure()).contains(clock.now);
    assertThat(failing.lastError()).isEqualTo("UNAVAILABLE: still refused");
    assertThat(failing.failingFor(clock.now)).isEqualTo(Duration.ofSeconds(3));

    clock.advance(Duration.ofSeconds(1));
    outcomes.succeeded();

    SendHealth recovered = outcomes.snapshot();
    assertThat(recovered.failingSince()).isEmpty();
    assertThat(recovered.failingFor(clock.now)).isZero();
    assertThat(recovered.lastSuccess()).contains(clock.now);
    assertThat(recovered.lastError()).as("kept for the status page").contains("still refused");
  }

  @Test
  void aLongMessageIsCut() {
    outcomes.failed("x".repeat(10_000));

    assertThat(outcomes.snapshot().lastError()).hasSize(SendOutcomes.MAX_ERROR_LENGTH);
  }

  /** A wall clock that moves only when told. */
  private static final class SettableClock extends Clock {
    Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
