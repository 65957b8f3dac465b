package otelgw.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import otelgw.config.ComponentId;
import otelgw.config.ComponentKind;
import otelgw.config.ConfigException;
import otelgw.config.ConfigLoader;
import otelgw.config.ConfigProblem;

class ResolvedConfigTest {

  private final TestComponents components = new TestComponents();

  private ResolvedConfig resolve(String yaml) throws ConfigException {
    return ResolvedConfig.resolve(
        new ConfigLoader(Map.of()).loadYaml(yaml, "resolve.yaml"), components.factories());
  }

  private List<String> errorsOf(String yaml) {
    try {
      resolve(yaml);
    } catch (ConfigException e) {
      return e.problems().stream()
          .filter(p -> p.severity() == ConfigProblem.Severity.ERROR)
          .map(p -> p.path() + ": " + p.message())
          .toList();
    }
    throw new AssertionError("expected the config to be rejected");
  }

  @Test
  void readsEachComponentsSectionIntoItsRecord() throws Exception {
    ResolvedConfig resolved =
        resolve(
            """
            receivers: {test: {}}
            processors: {attributes/tenant: {key: tenant, value: acme}}
            exporters: {sink: {block: true}}
            service:
              pipelines:
                traces: {receivers: [test], processors: [attributes/tenant], exporters: [sink]}
            """);

    assertThat(
            resolved
                .component(ComponentKind.PROCESSOR, ComponentId.parse("attributes/tenant"))
                .config())
        .isEqualTo(new TestComponents.AttributesConfig("tenant", "acme"));
    assertThat(resolved.component(ComponentKind.EXPORTER, ComponentId.parse("sink")).config())
        .isEqualTo(new TestComponents.SinkConfig(true));
    assertThatThrownBy(() -> resolved.component(ComponentKind.EXPORTER, ComponentId.parse("nope")))
        .hasMessage("exporter 'nope' is not defined");
  }

  @Test
  void anUnknownTypeIsAnErrorWithADidYouMeanAndTheKnownTypes() {
    assertThat(
            errorsOf(
                """
                receivers: {test: {}}
                processors: {atributes: {}}
                exporters: {sink: {}, kafka: {}}
                service:
                  pipelines:
                    traces: {receivers: [test], processors: [atributes], exporters: [sink, kafka]}
                """))
        .containsExactly(
            "processors.atributes: unknown processor type 'atributes' (did you mean"
                + " 'attributes'?); known types: attributes, drop_odd, fail, hold",
            "exporters.kafka: unknown exporter type 'kafka'; known types: sink");
  }

  @Test
  void aComponentInASignalItDoesNotSupportIsAnError() {
    assertThat(
            errorsOf(
                """
                receivers: {test: {}}
                processors: {attributes: {}}
                exporters: {sink: {}}
                service:
                  pipelines:
                    traces: {receivers: [test], processors: [attributes], exporters: [sink]}
                    logs: {receivers: [test], processors: [attributes], exporters: [sink]}
                """))
        .containsExactly(
            "service.pipelines.logs.processors: processor 'attributes' does not support logs");
  }

  @Test
  void factoryErrorsAndStructuralErrorsAreListedTogether() {
    assertThat(
            errorsOf(
                """
                receivers: {test: {extra: 1}}
                processors: {unused_kind: {}}
                exporters: {sink: {block: sometimes}}
                service:
                  pipelines:
                    traces: {receivers: [test], exporters: [sink, sink/missing]}
                """))
        .containsExactly(
            "service.pipelines.traces.exporters: exporter 'sink/missing' is not defined under"
                + " 'exporters'",
            "receivers.test.extra: unknown key 'extra'",
            "processors.unused_kind: unknown processor type 'unused_kind'; known types:"
                + " attributes, drop_odd, fail, hold",
            "exporters.sink.block: expected true or false, got 'sometimes'");
  }
}
