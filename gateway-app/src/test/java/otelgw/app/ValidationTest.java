package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import otelgw.config.ConfigException;
import otelgw.config.ConfigLoader;
import otelgw.config.ConfigProblem;
import otelgw.core.pipeline.ResolvedConfig;

/** Mistakes that only the real component types can find: ports, types, signals. */
class ValidationTest {

  private static List<String> errors(String yaml) {
    ConfigException e =
        catchThrowableOfType(
            ConfigException.class,
            () ->
                ResolvedConfig.resolve(
                    new ConfigLoader(Map.of()).loadYaml(yaml, "test.yaml"), Components.all()));
    assertThat(e).as("the config should be invalid").isNotNull();
    return e.problems().stream()
        .filter(p -> p.severity() == ConfigProblem.Severity.ERROR)
        .map(ConfigProblem::toString)
        .toList();
  }

  @Test
  void twoReceiversOnOnePort() {
    assertThat(
            errors(
                """
                receivers:
                  otlp:
                    protocols:
                      grpc:
                        endpoint: 127.0.0.1:4317
                  otlp/second:
                    protocols:
                      http:
                        endpoint: 0.0.0.0:4317
                exporters:
                  debug:
                service:
                  pipelines:
                    traces:
                      receivers: [otlp, otlp/second]
                      exporters: [debug]
                """))
        .containsExactly(
            "receivers.otlp/second: endpoint 0.0.0.0:4317 is already used by receivers.otlp:"
                + " two listeners cannot share a port");
  }

  @Test
  void unknownTypeIsReportedOnItsLineWithTheClosestAndTheKnownOnes() {
    assertThat(
            errors(
                """
                receivers:
                  otlp:
                    protocols:
                      grpc:
                processors:
                  memory_limitter:
                    limit_mib: 100
                exporters:
                  debug:
                service:
                  pipelines:
                    logs:
                      receivers: [otlp]
                      processors: [memory_limitter]
                      exporters: [debug]
                """))
        .singleElement()
        .asString()
        .startsWith("processors.memory_limitter (line 6): ")
        .contains("unknown processor type 'memory_limitter'")
        .contains("did you mean 'memory_limiter'?")
        .contains("known types: ");
  }

  @Test
  void everyErrorIsListedInOnePass() {
    assertThat(
            errors(
                """
                receivers:
                  otlp:
                    protocols:
                      grpc:
                        max_recv_msg_size_mib: -1
                processors:
                  memory_limiter:
                    check_interval: 1s
                    limit_mib: 100
                    spike_limit_mib: 200
                exporters:
                  otlp:
                    timeout: 5
                service:
                  pipelines:
                    traces:
                      receivers: [otlp]
                      processors: [memory_limiter]
                      exporters: [otlp]
                """))
        .hasSizeGreaterThanOrEqualTo(4)
        .anySatisfy(
            e -> assertThat(e).contains("receivers.otlp.protocols.grpc.max_recv_msg_size_mib"))
        .anySatisfy(e -> assertThat(e).contains("processors.memory_limiter.spike_limit_mib"))
        .anySatisfy(e -> assertThat(e).contains("exporters.otlp.endpoint"))
        .anySatisfy(e -> assertThat(e).contains("exporters.otlp.timeout"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"metrics", "logs"})
  void theProbabilisticSamplerTakesOnlyTraces(String signal) {
    assertThat(
            errors(
                """
                receivers:
                  otlp:
                    protocols:
                      grpc:
                processors:
                  probabilistic_sampler:
                    sampling_percentage: 10
                exporters:
                  debug:
                service:
                  pipelines:
                    SIGNAL:
                      receivers: [otlp]
                      processors: [probabilistic_sampler]
                      exporters: [debug]
                """
                    .replace("SIGNAL", signal)))
        .containsExactly(
            "service.pipelines."
                + signal
                + ".processors: processor 'probabilistic_sampler' does not support "
                + signal);
  }

  @ParameterizedTest(name = "spike_limit_mib {0} against limit_mib 100")
  @ValueSource(ints = {100, 150})
  void theMemoryLimitersSpikeMustBeBelowItsLimit(int spike) {
    assertThat(
            errors(
                """
                receivers:
                  otlp:
                    protocols:
                      grpc:
                processors:
                  memory_limiter:
                    limit_mib: 100
                    spike_limit_mib: SPIKE
                exporters:
                  debug:
                service:
                  pipelines:
                    traces:
                      receivers: [otlp]
                      processors: [memory_limiter]
                      exporters: [debug]
                """
                    .replace("SPIKE", Integer.toString(spike))))
        .containsExactly(
            "processors.memory_limiter.spike_limit_mib (line 8): must be less than 'limit_mib'");
  }
}
