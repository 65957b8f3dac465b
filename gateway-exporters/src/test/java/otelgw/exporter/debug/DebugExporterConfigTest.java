package otelgw.exporter.debug;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblem;
import otelgw.config.ConfigProblems;

class DebugExporterConfigTest {

  private final ConfigProblems problems = new ConfigProblems();

  @Test
  void anEmptySectionIsTheCollectorsDefaults() {
    assertThat(parse("{}")).isEqualTo(DebugExporterConfig.defaults());
    assertThat(DebugExporterConfig.defaults())
        .isEqualTo(new DebugExporterConfig(Verbosity.BASIC, 2, 1, true));
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void readsEveryKey() {
    assertThat(
            parse(
                """
                verbosity: detailed
                sampling_initial: 5
                sampling_thereafter: 200
                use_internal_logger: false
                """))
        .isEqualTo(new DebugExporterConfig(Verbosity.DETAILED, 5, 200, false));
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void reportsBadValuesAndUnknownKeysWithTheirPaths() {
    parse(
        """
        verbosity: loud
        sampling_initial: -1
        sampling_therafter: 2
        """);

    assertThat(problems.all())
        .extracting(ConfigProblem::path, ConfigProblem::message)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "exporters.debug.verbosity", "expected one of basic, normal, detailed, got 'loud'"),
            org.assertj.core.groups.Tuple.tuple(
                "exporters.debug.sampling_initial", "must not be negative"),
            org.assertj.core.groups.Tuple.tuple(
                "exporters.debug.sampling_therafter",
                "unknown key 'sampling_therafter' (did you mean 'sampling_thereafter'?)"));
  }

  private DebugExporterConfig parse(String yaml) {
    return new DebugExporterFactory()
        .parseConfig(ConfigNode.parse(yaml, "exporters.debug", problems));
  }
}
