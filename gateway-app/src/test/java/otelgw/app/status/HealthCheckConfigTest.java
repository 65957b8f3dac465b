package otelgw.app.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblem;
import otelgw.config.ConfigProblems;

class HealthCheckConfigTest {

  private final ConfigProblems problems = new ConfigProblems();

  @Test
  void emptySectionIsTheDefaults() {
    HealthCheckConfig config = parse("");

    assertThat(config)
        .isEqualTo(new HealthCheckConfig("127.0.0.1:13133", "/", Duration.ofSeconds(30)));
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void everyKeyIsRead() {
    HealthCheckConfig config =
        parse(
            """
            endpoint: 0.0.0.0:13134
            path: /health
            exporter_failure_window: 2m
            """);

    assertThat(config)
        .isEqualTo(new HealthCheckConfig("0.0.0.0:13134", "/health", Duration.ofMinutes(2)));
  }

  @Test
  void mistakesAreReportedWithTheirPaths() {
    parse(
        """
        endpoint: nowhere
        path: live
        exporter_failure_windw: 1s
        """);

    assertThat(problems.all())
        .extracting(ConfigProblem::toString)
        .anySatisfy(p -> assertThat(p).contains("extensions.health_check.endpoint"))
        .anySatisfy(p -> assertThat(p).contains("extensions.health_check.path").contains("'/'"))
        .anySatisfy(p -> assertThat(p).contains("did you mean 'exporter_failure_window'"));
  }

  @Test
  void theProbePathsAreNotAvailable() {
    parse("path: /ready");

    assertThat(problems.all())
        .extracting(ConfigProblem::toString)
        .singleElement()
        .asString()
        .contains("/ready");
  }

  @Test
  void theCollectorsPipelineCheckIsAcceptedWithAWarning() {
    parse(
        """
        check_collector_pipeline:
          enabled: true
          interval: 5m
          exporter_failure_threshold: 5
        """);

    assertThat(problems.all())
        .extracting(ConfigProblem::toString)
        .singleElement()
        .asString()
        .contains("check_collector_pipeline")
        .contains("exporter_failure_window");
    assertThat(problems.hasErrors()).isFalse();
  }

  private HealthCheckConfig parse(String yaml) {
    return HealthCheckConfig.parse(ConfigNode.parse(yaml, "extensions.health_check", problems));
  }
}
