package otelgw.core.exporterhelper;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import otelgw.config.RetrySettings;

class BackoffTest {

  private static RetrySettings settings(double factor, double multiplier, Duration max) {
    return new RetrySettings(Duration.ofSeconds(1), factor, multiplier, max, Duration.ZERO);
  }

  @Test
  void withoutJitterTheIntervalGrowsByTheMultiplierUpToTheCap() {
    Backoff backoff = new Backoff(settings(0, 2, Duration.ofSeconds(10)), new Random(1));

    assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(4));
    assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(8));
    assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(10));
    assertThat(backoff.next()).isEqualTo(Duration.ofSeconds(10));
  }

  @Test
  void eachWaitIsDrawnFromTheJitterBandAroundTheInterval() {
    Backoff backoff = new Backoff(settings(0.5, 2, Duration.ofSeconds(10)), new Random(42));
    long[] intervals = {1, 2, 4, 8, 10, 10, 10, 10, 10, 10};
    Set<Duration> atCap = new HashSet<>();

    for (int i = 0; i < intervals.length; i++) {
      Duration interval = Duration.ofSeconds(intervals[i]);
      Duration wait = backoff.next();
      assertThat(wait)
          .as("wait %d", i)
          .isBetween(interval.dividedBy(2), interval.multipliedBy(3).dividedBy(2));
      if (intervals[i] == 10) {
        atCap.add(wait);
      }
    }
    assertThat(atCap).as("jitter varies the waits").hasSizeGreaterThan(1);
  }

  @Test
  void theSameSeedGivesTheSameWaits() {
    Backoff a = new Backoff(settings(0.5, 1.5, Duration.ofSeconds(30)), new Random(7));
    Backoff b = new Backoff(settings(0.5, 1.5, Duration.ofSeconds(30)), new Random(7));

    for (int i = 0; i < 5; i++) {
      assertThat(a.next()).isEqualTo(b.next());
    }
  }

  @Test
  void aServerDelayIsHonouredAsAMinimum() {
    Backoff backoff = new Backoff(settings(0, 2, Duration.ofSeconds(10)), new Random(1));

    assertThat(backoff.next(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(30));
    // Shorter than the back-off's own wait (now 2s): the back-off wins.
    assertThat(backoff.next(Duration.ofMillis(1))).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void aServerDelayIsCappedSoOneAnswerCannotStallTheQueue() {
    Backoff backoff = new Backoff(settings(0, 2, Duration.ofSeconds(10)), new Random(1));

    assertThat(backoff.next(Duration.ofHours(2))).isEqualTo(Backoff.MAX_SERVER_DELAY);
    assertThat(Backoff.MAX_SERVER_DELAY).isEqualTo(Duration.ofMinutes(5));
  }
}
