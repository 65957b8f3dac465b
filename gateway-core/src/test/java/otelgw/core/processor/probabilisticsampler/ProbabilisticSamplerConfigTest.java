package otelgw.core.processor.probabilisticsampler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblem;
import otelgw.config.ConfigProblems;

class ProbabilisticSamplerConfigTest {

  private final ConfigProblems problems = new ConfigProblems();

  private ProbabilisticSamplerConfig parse(String yaml) {
    return new ProbabilisticSamplerFactory()
        .parseConfig(ConfigNode.parse(yaml, "processors.probabilistic_sampler", problems));
  }

  private List<String> errors() {
    return problems.all().stream()
        .filter(p -> p.severity() == ConfigProblem.Severity.ERROR)
        .map(Object::toString)
        .toList();
  }

  @Test
  void defaultsAreTheCollectors() {
    assertThat(parse("{}"))
        .isEqualTo(new ProbabilisticSamplerConfig(0, 0, SamplerMode.PROPORTIONAL, true));
    assertThat(errors()).isEmpty();
  }

  @Test
  void aSeedSelectsTheHashSeedModeUnlessAModeIsGiven() {
    assertThat(parse("sampling_percentage: 15.5\nhash_seed: 22\n"))
        .isEqualTo(new ProbabilisticSamplerConfig(15.5, 22, SamplerMode.HASH_SEED, true));
    assertThat(parse("hash_seed: 22\nmode: equalizing\nfail_closed: false\n"))
        .isEqualTo(new ProbabilisticSamplerConfig(0, 22, SamplerMode.EQUALIZING, false));
    assertThat(problems.warnings())
        .extracting(Object::toString)
        .anyMatch(w -> w.contains("hash_seed"));
  }

  @Test
  void reportsOutOfRangeValuesWithTheirPaths() {
    parse("sampling_percentage: 101\nhash_seed: -1\nmode: random\nsampling_percent: 5\n");

    assertThat(errors())
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains(
                        "processors.probabilistic_sampler.sampling_percentage",
                        "between 0 and 100"))
        .anySatisfy(
            e -> assertThat(e).contains("processors.probabilistic_sampler.hash_seed", "4294967295"))
        .anySatisfy(
            e ->
                assertThat(e)
                    .contains(
                        "processors.probabilistic_sampler.mode",
                        "proportional, equalizing, hash_seed"))
        .anySatisfy(e -> assertThat(e).contains("unknown key 'sampling_percent'"));
  }
}
