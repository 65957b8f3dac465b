package otelgw.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The structural checks {@link ConfigLoader#loadYaml} runs through {@code StructureReader}. */
class StructureReaderTest {

  private static GatewayConfig load(String yaml) throws ConfigException {
    return new ConfigLoader(Map.of()).loadYaml(yaml, "test.yaml");
  }

  private static List<String> errors(GatewayConfig config) {
    return config.problems().all().stream()
        .filter(p -> p.severity() == ConfigProblem.Severity.ERROR)
        .map(p -> p.path() + ": " + p.message())
        .toList();
  }

  @Test
  void readsComponentsPipelinesAndSignals() throws Exception {
    GatewayConfig config =
        load(
            """
            receivers:
              otlp: {}
            processors:
              batch:
            exporters:
              otlp/backend: {endpoint: "b:4317"}
              debug:
            extensions:
              health_check:
            service:
              extensions: [health_check]
              pipelines:
                traces: {receivers: [otlp], processors: [batch], exporters: [otlp/backend, debug]}
                logs/audit: {receivers: [otlp], exporters: [debug]}
            """);

    assertThat(config.problems().all()).isEmpty();
    assertThat(config.components(ComponentKind.EXPORTER).keySet())
        .containsExactly(new ComponentId("otlp", "backend"), new ComponentId("debug", ""));
    assertThat(config.pipelines())
        .extracting(p -> p.id().toString())
        .containsExactly("traces", "logs/audit");
    assertThat(config.pipelines().get(1).id()).isEqualTo(new PipelineId(Signal.LOGS, "audit"));
    assertThat(config.signalsOf(ComponentKind.EXPORTER, ComponentId.parse("debug")))
        .containsExactlyInAnyOrder(Signal.TRACES, Signal.LOGS);
    assertThat(config.signalsOf(ComponentKind.PROCESSOR, ComponentId.parse("batch")))
        .containsExactly(Signal.TRACES);
    assertThat(config.used(ComponentKind.EXTENSION))
        .containsExactly(ComponentId.parse("health_check"));
    assertThat(config.telemetry()).isEqualTo(TelemetrySettings.defaults());
    assertThat(
            config.components(ComponentKind.EXPORTER).get(ComponentId.parse("otlp/backend")).path())
        .isEqualTo("exporters.otlp/backend");
  }

  @Test
  void anUndefinedComponentIsAnErrorWithADidYouMean() throws Exception {
    GatewayConfig config =
        load(
            """
            receivers:
              otlp: {}
            exporters:
              otlp/backend: {}
            service:
              pipelines:
                traces: {receivers: [otlpp], exporters: [otlp/backnd, zipkin]}
            """);

    assertThat(errors(config))
        .containsExactly(
            "service.pipelines.traces.receivers: receiver 'otlpp' is not defined under 'receivers'"
                + " (did you mean 'otlp'?)",
            "service.pipelines.traces.exporters: exporter 'otlp/backnd' is not defined under"
                + " 'exporters' (did you mean 'otlp/backend'?)",
            "service.pipelines.traces.exporters: exporter 'zipkin' is not defined under"
                + " 'exporters'");
  }

  @Test
  void aDefinedButUnusedComponentIsAWarning() throws Exception {
    GatewayConfig config =
        load(
            """
            receivers:
              otlp: {}
            processors:
              batch: {}
            exporters:
              debug: {}
              debug/spare: {}
            extensions:
              pprof: {}
            service:
              pipelines:
                traces: {receivers: [otlp], exporters: [debug]}
            """);

    assertThat(config.problems().hasErrors()).isFalse();
    assertThat(config.problems().warnings())
        .extracting(Object::toString)
        .containsExactly(
            "warning: processors.batch (line 4): processor 'batch' is defined but no pipeline"
                + " uses it",
            "warning: exporters.debug/spare (line 7): exporter 'debug/spare' is defined but no"
                + " pipeline uses it",
            "warning: extensions.pprof (line 9): extension 'pprof' is defined but no"
                + " service.extensions entry uses it");
  }

  @Test
  void anUnusedComponentIsReportedOnTheLineOfItsName() throws Exception {
    GatewayConfig config =
        load(
            """
            receivers:
              otlp:
                protocols:
                  grpc:
            processors:
              batch:
            exporters:
              debug:
              otlp/unused:
                endpoint: localhost:4317
                tls:
                  insecure: true
            service:
              pipelines:
                traces:
                  receivers: [otlp]
                  exporters: [debug]
            """);

    assertThat(config.problems().warnings())
        .extracting(Object::toString)
        .containsExactly(
            "warning: processors.batch (line 6): processor 'batch' is defined but no pipeline"
                + " uses it",
            "warning: exporters.otlp/unused (line 9): exporter 'otlp/unused' is defined but no"
                + " pipeline uses it");
  }

  @Test
  void aPipelineNeedsReceiversAndExporters() throws Exception {
    GatewayConfig config =
        load(
            """
            receivers:
              otlp: {}
            exporters:
              debug: {}
            service:
              pipelines:
                traces: {processors: []}
                metrics: {receivers: [], exporters: [debug]}
                logs: {receivers: [otlp], exporters: [debug]}
            """);

    assertThat(errors(config))
        .containsExactly(
            "service.pipelines.traces.receivers: a pipeline needs at least one receiver",
            "service.pipelines.traces.exporters: a pipeline needs at least one exporter",
            "service.pipelines.metrics.receivers: a pipeline needs at least one receiver");
  }

  @Test
  void aPipelineKeyMustNameASignal() throws Exception {
    GatewayConfig config =
        load(
            """
            receivers:
              otlp: {}
            exporters:
              debug: {}
            service:
              pipelines:
                trace: {receivers: [otlp], exporters: [debug]}
                logs: {receivers: [otlp], exporters: [debug]}
            """);

    assertThat(config.problems().all())
        .extracting(Object::toString)
        .containsExactly(
            "service.pipelines.trace (line 7): 'trace' is not a signal: use traces, metrics or"
                + " logs");
    assertThat(config.pipelines()).extracting(p -> p.id().signal()).containsExactly(Signal.LOGS);
  }

  @Test
  void aComponentListedTwiceIsAnError() throws Exception {
    GatewayConfig config =
        load(
            """
            receivers:
              otlp: {}
            exporters:
              debug: {}
            service:
              pipelines:
                traces: {receivers: [otlp, otlp], exporters: [debug]}
            """);

    assertThat(errors(config))
        .containsExactly("service.pipelines.traces.receivers: 'otlp' is listed twice");
  }

  @Test
  void invalidComponentIdsAreErrors() throws Exception {
    GatewayConfig config =
        load(
            """
            receivers:
              otlp: {}
              1otlp: {}
              otlp/: {}
              "otlp/a b": {}
            exporters:
              debug: {}
            service:
              pipelines:
                traces: {receivers: [otlp, "debug/x/y"], exporters: [debug]}
            """);

    assertThat(errors(config))
        .containsExactly(
            "receivers.1otlp: invalid component type '1otlp': expected a letter then letters,"
                + " digits or '_'",
            "receivers.otlp/: invalid component id 'otlp/': expected a name after '/'",
            "receivers.otlp/a b: invalid component name 'a b': no spaces or '/' allowed",
            "service.pipelines.traces.receivers: invalid component name 'x/y': no spaces or '/'"
                + " allowed");
    assertThat(config.components(ComponentKind.RECEIVER).keySet())
        .containsExactly(ComponentId.parse("otlp"));
  }

  @Test
  void unknownTopLevelAndServiceKeysAreErrorsWithADidYouMean() throws Exception {
    GatewayConfig config =
        load(
            """
            recievers:
              otlp: {}
            receivers:
              otlp: {}
            exporters:
              debug: {}
            service:
              pipeline: {}
              pipelines:
                traces: {receivers: [otlp], exporters: [debug], procesors: []}
            """);

    assertThat(errors(config))
        .containsExactly(
            "service.pipelines.traces.procesors: unknown key 'procesors' (did you mean"
                + " 'processors'?)",
            "service.pipeline: unknown key 'pipeline' (did you mean 'pipelines'?)",
            "recievers: unknown key 'recievers' (did you mean 'receivers'?)");
  }

  @Test
  void connectorsAreNotSupportedYet() throws Exception {
    GatewayConfig config =
        load(
            """
            receivers:
              otlp: {}
            exporters:
              debug: {}
            connectors:
              spanmetrics: {}
            service:
              pipelines:
                traces: {receivers: [otlp], exporters: [debug]}
            """);

    assertThat(errors(config))
        .containsExactly("connectors: connectors are not supported by otelgw yet");
  }

  @Test
  void aConfigWithoutPipelinesIsAnError() throws Exception {
    GatewayConfig config = load("receivers:\n  otlp: {}\n");

    assertThat(errors(config))
        .containsExactly("service.pipelines: no pipeline is defined: add at least one");
  }

  @Test
  void anUndefinedExtensionIsAnError() throws Exception {
    GatewayConfig config =
        load(
            """
            receivers:
              otlp: {}
            exporters:
              debug: {}
            extensions:
              health_check: {}
            service:
              extensions: [helth_check]
              pipelines:
                traces: {receivers: [otlp], exporters: [debug]}
            """);

    assertThat(errors(config))
        .containsExactly(
            "service.extensions: extension 'helth_check' is not defined under 'extensions'"
                + " (did you mean 'health_check'?)");
  }

  @Test
  void everyStructuralErrorIsFoundInOnePass() throws Exception {
    GatewayConfig config =
        load(
            """
            receivers:
              otlp: {}
            exporters:
              debug: {}
            service:
              telemetry:
                logs: {level: loud}
              pipelines:
                traces: {receivers: [otlp, otlp], exporters: [debg]}
                metrics: {exporters: [debug]}
                spans: {}
            """);

    assertThat(errors(config))
        .containsExactlyInAnyOrder(
            "service.pipelines.traces.receivers: 'otlp' is listed twice",
            "service.pipelines.traces.exporters: exporter 'debg' is not defined under"
                + " 'exporters' (did you mean 'debug'?)",
            "service.pipelines.metrics.receivers: a pipeline needs at least one receiver",
            "service.pipelines.spans: 'spans' is not a signal: use traces, metrics or logs",
            "service.telemetry.logs.level: expected one of trace, debug, info, warn, error");
  }
}
