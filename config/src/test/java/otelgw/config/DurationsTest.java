package otelgw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

  @ParameterizedTest(name = "{0} = {1} ns")
  @CsvSource({
    "0, 0",
    "0s, 0",
    "200ms, 200000000",
    "5s, 5000000000",
    "1m, 60000000000",
    "1m30s, 90000000000",
    "1h, 3600000000000",
    "1h2m3s, 3723000000000",
    "1.5s, 1500000000",
    "250us, 250000",
    "250µs, 250000",
    "7ns, 7",
    "' 5s ', 5000000000",
  })
  void parses(String text, long nanos) {
    assertThat(Durations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "5", "s", "-5s", "5 s", "5S", "5sec", "1m 30s", "ms5", "1d", "5s!"})
  void rejects(String text) {
    assertThatThrownBy(() -> Durations.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "'"
                + text
                + "' is not a duration: use a number and a unit, such as 200ms, 5s or 1m30s");
  }

  @Test
  void formatsTheWayConfigWritesIt() {
    assertThat(Durations.format(Duration.ZERO)).isEqualTo("0s");
    assertThat(Durations.format(Duration.ofMillis(200))).isEqualTo("200ms");
    assertThat(Durations.format(Duration.ofSeconds(5))).isEqualTo("5s");
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(Durations.format(Duration.ofMinutes(2))).isEqualTo("2m");
    assertThat(Durations.format(Duration.ofHours(3))).isEqualTo("3h");
    assertThat(Durations.format(Duration.ofNanos(1500))).isEqualTo("1500ns");
  }

  @Test
  void formatThenParseRoundTrips() {
    for (Duration d :
        new Duration[] {Duration.ofMillis(1), Duration.ofSeconds(61), Duration.ofNanos(123)}) {
      assertThat(Durations.parse(Durations.format(d))).isEqualTo(d);
    }
  }
}
