package otelgw.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DidYouMeanTest {

  private static final List<String> KEYS =
      List.of("endpoint", "timeout", "headers", "retry_on_failure", "sending_queue");

  @Test
  void suggestsTheClosestKnownWord() {
    assertThat(DidYouMean.closest("timout", KEYS)).contains("timeout");
    assertThat(DidYouMean.closest("endpiont", KEYS)).contains("endpoint");
    assertThat(DidYouMean.closest("retry_on_failur", KEYS)).contains("retry_on_failure");
    assertThat(DidYouMean.closest("sendingqueue", KEYS)).contains("sending_queue");
  }

  @Test
  void ignoresCase() {
    assertThat(DidYouMean.closest("HEADERS", KEYS)).contains("headers");
  }

  @Test
  void suggestsNothingWhenNothingIsClose() {
    assertThat(DidYouMean.closest("compression", KEYS)).isEmpty();
    assertThat(DidYouMean.closest("x", KEYS)).isEmpty();
    assertThat(DidYouMean.closest("timeout", List.of())).isEmpty();
  }

  @Test
  void allowsOneEditForShortWords() {
    assertThat(DidYouMean.closest("otl", List.of("otlp", "debug"))).contains("otlp");
    assertThat(DidYouMean.closest("ot", List.of("otlp"))).isEmpty();
  }

  @Test
  void distanceIsLevenshtein() {
    assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
    assertThat(DidYouMean.distance("same", "same")).isZero();
  }
}
