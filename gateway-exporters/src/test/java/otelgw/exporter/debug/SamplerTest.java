package otelgw.exporter.debug;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SamplerTest {

  private final AtomicLong now = new AtomicLong(42);

  @Test
  void theFirstPassThenEveryNth() {
    Sampler sampler = new Sampler(2, 3, now::get);

    assertThat(take(sampler, 9))
        .containsExactly(true, true, false, false, true, false, false, true, false);
  }

  @Test
  void eachSecondStartsAgain() {
    Sampler sampler = new Sampler(1, 0, now::get);
    assertThat(take(sampler, 3)).containsExactly(true, false, false);

    now.addAndGet(999_999_999);
    assertThat(sampler.sample()).isFalse();
    now.addAndGet(1);
    assertThat(take(sampler, 2)).containsExactly(true, false);
  }

  @Test
  void theDefaultsPrintEverything() {
    Sampler sampler =
        new Sampler(
            DebugExporterConfig.DEFAULT_SAMPLING_INITIAL,
            DebugExporterConfig.DEFAULT_SAMPLING_THEREAFTER,
            now::get);

    assertThat(take(sampler, 10)).containsOnly(true);
  }

  private static List<Boolean> take(Sampler sampler, int count) {
    List<Boolean> taken = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      taken.add(sampler.sample());
    }
    return taken;
  }
}
