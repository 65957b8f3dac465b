package otelgw.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  private static final String BASE =
      """
      receivers:
        otlp:
          protocols:
            grpc:
              endpoint: 127.0.0.1:4317
      processors:
        batch:
          timeout: 200ms
      exporters:
        debug:
          verbosity: basic
      service:
        pipelines:
          traces:
            receivers: [otlp]
            processors: [batch]
            exporters: [debug]
      """;

  @TempDir Path dir;

  @Test
  void mergesFilesInOrderMappingsMergedListsReplaced() throws Exception {
    Path base = write("base.yaml", BASE);
    Path overlay =
        write(
            "overlay.yaml",
            """
            receivers:
              otlp:
                protocols:
                  grpc:
                    endpoint: 0.0.0.0:4317
                  http:
                    endpoint: 0.0.0.0:4318
            service:
              pipelines:
                traces:
                  processors: []
            """);

    GatewayConfig config = new ConfigLoader(Map.of()).load(List.of(base, overlay), List.of());

    ConfigNode protocols =
        config
            .components(ComponentKind.RECEIVER)
            .get(ComponentId.parse("otlp"))
            .sectionOrEmpty("protocols");
    assertThat(protocols.keys()).containsExactly("grpc", "http");
    assertThat(protocols.sectionOrEmpty("grpc").string("endpoint", "")).isEqualTo("0.0.0.0:4317");
    assertThat(protocols.sectionOrEmpty("http").string("endpoint", "")).isEqualTo("0.0.0.0:4318");
    PipelineConfig traces = config.pipelines().get(0);
    // The list is replaced, not appended to; receivers and exporters come from the first file.
    assertThat(traces.processors()).isEmpty();
    assertThat(traces.receivers()).containsExactly(ComponentId.parse("otlp"));
    assertThat(traces.exporters()).containsExactly(ComponentId.parse("debug"));
    // The batch processor is now defined but unused: a warning, not an error.
    assertThat(config.problems().hasErrors()).isFalse();
    assertThat(config.problems().warnings())
        .extracting(ConfigProblem::path)
        .containsExactly("processors.batch");
  }

  @Test
  void setOverridesComeAfterEveryFile() throws Exception {
    Path base = write("base.yaml", BASE);

    GatewayConfig config =
        new ConfigLoader(Map.of())
            .load(
                List.of(base),
                List.of(
                    "exporters.debug.verbosity=detailed",
                    "processors.batch.send_batch_size=512",
                    "service.pipelines.traces.processors=[]"));

    ConfigNode debug = config.components(ComponentKind.EXPORTER).get(ComponentId.parse("debug"));
    assertThat(debug.string("verbosity", "")).isEqualTo("detailed");
    ConfigNode batch = config.components(ComponentKind.PROCESSOR).get(ComponentId.parse("batch"));
    assertThat(batch.integer("send_batch_size", 0)).isEqualTo(512);
    assertThat(batch.duration("timeout", null)).hasMillis(200); // kept from the file
    assertThat(config.pipelines().get(0).processors()).isEmpty();
  }

  @Test
  void setWithoutEqualsIsAnError() {
    assertThatThrownBy(
            () -> new ConfigLoader(Map.of()).load(List.of(), List.of("exporters.debug.verbosity")))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .extracting(Object::toString)
                    .containsExactly(
                        "--set: 'exporters.debug.verbosity' is not of the form key.path=value"));
  }

  @Test
  void setWithInvalidYamlValueIsAConfigError() {
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of(), List.of("a.b=[1, 2")))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e -> {
              ConfigProblem problem = ((ConfigException) e).problems().get(0);
              assertThat(problem.path()).isEqualTo("--set");
              assertThat(problem.message()).startsWith("'a.b=[1, 2': not valid YAML: ");
            });
  }

  @Test
  void unreadableFileNamesTheFile() {
    Path missing = dir.resolve("missing.yaml");

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of(missing), List.of()))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e -> {
              ConfigProblem problem = ((ConfigException) e).problems().get(0);
              assertThat(problem.path()).isEqualTo(missing.toString());
              assertThat(problem.message()).startsWith("cannot read the file: ");
            });
  }

  @Test
  void syntaxErrorReportsFileAndLine() throws Exception {
    Path file =
        write(
            "broken.yaml",
            """
            receivers:
              otlp:
                protocols: {grpc: {endpoint: 127.0.0.1:4317}
            exporters:
              debug: {}
            """);

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(List.of(file), List.of()))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e -> {
              ConfigProblem problem = ((ConfigException) e).problems().get(0);
              assertThat(problem.path()).isEqualTo(file.toString());
              assertThat(problem.line()).isEqualTo(4);
              assertThat(problem.message()).startsWith("not valid YAML: ");
              assertThat(e.getMessage()).contains(file + " (line 4): not valid YAML");
            });
  }

  @Test
  void aKeyGivenTwiceIsAnErrorAtItsSecondLine() {
    String yaml =
        """
        receivers:
          otlp: {}
        exporters:
          debug: {}
        receivers:
          zipkin: {}
        """;

    assertThatThrownBy(() -> new ConfigLoader(Map.of()).loadYaml(yaml, "dup.yaml"))
        .isInstanceOf(ConfigException.class)
        .satisfies(
            e ->
                assertThat(((ConfigException) e).problems())
                    .extracting(Object::toString)
                    .containsExactly(
                        "dup.yaml (line 5): not valid YAML: duplicate key 'receivers'"));
  }

  @Test
  void anAliasThatContainsItselfIsAnErrorNotAStackOverflow() {
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).loadYaml("a: &x {b: *x}\n", "loop.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("loop.yaml (line 1): not valid YAML: an alias refers to");
  }

  @Test
  void aDocumentThatIsNotAMappingIsAnError() {
    assertThatThrownBy(() -> new ConfigLoader(Map.of()).loadYaml("- receivers\n", "list.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("the config must be a mapping of sections to values");
  }

  @Test
  void expandsEnvironmentReferencesInEveryForm() throws Exception {
    Map<String, String> env = Map.of("HOST", "collector.internal", "TOKEN", "abc", "PORT", "4317");
    GatewayConfig config =
        new ConfigLoader(env)
            .loadYaml(
                """
                receivers:
                  otlp: {}
                exporters:
                  otlp:
                    endpoint: ${env:HOST}:${PORT}
                    fallback: ${env:UNSET:-localhost:4317}
                    set_wins: ${env:HOST:-ignored}
                    empty_default: x${env:UNSET:-}y
                    price: $$5 and $${env:HOST}
                    other_provider: ${file:/etc/token}
                service:
                  pipelines:
                    traces: {receivers: [otlp], exporters: [otlp]}
                """,
                "env.yaml");

    ConfigNode otlp = config.components(ComponentKind.EXPORTER).get(ComponentId.parse("otlp"));
    assertThat(otlp.string("endpoint", "")).isEqualTo("collector.internal:4317");
    assertThat(otlp.string("fallback", "")).isEqualTo("localhost:4317");
    assertThat(otlp.string("set_wins", "")).isEqualTo("collector.internal");
    assertThat(otlp.string("empty_default", "")).isEqualTo("xy");
    assertThat(otlp.string("price", "")).isEqualTo("$5 and ${env:HOST}");
    assertThat(otlp.string("other_provider", "")).isEqualTo("${file:/etc/token}");
    assertThat(config.problems().all()).isEmpty();
  }

  @Test
  void aMissingVariableWithoutDefaultIsAnErrorNamingItAndItsPath() throws Exception {
    GatewayConfig config =
        new ConfigLoader(Map.of())
            .loadYaml(
                """
                receivers:
                  otlp: {}
                exporters:
                  otlp:
                    headers:
                      authorization: Bearer ${env:DASH0_TOKEN}
                    endpoint: ${BACKEND}
                service:
                  pipelines:
                    traces: {receivers: [otlp], exporters: [otlp]}
                """,
                "env.yaml");

    assertThat(config.problems().all())
        .extracting(Object::toString)
        .containsExactly(
            "exporters.otlp.headers.authorization (line 6): environment variable 'DASH0_TOKEN'"
                + " is not set and has no default",
            "exporters.otlp.endpoint (line 7): environment variable 'BACKEND'"
                + " is not set and has no default");
  }

  @Test
  void anExpandedPlainScalarTakesItsYamlType() throws Exception {
    Map<String, String> env = Map.of("PORT", "4317", "ON", "true");
    GatewayConfig config =
        new ConfigLoader(env)
            .loadYaml(
                """
                receivers:
                  otlp: {}
                exporters:
                  otlp:
                    port: ${env:PORT}
                    quoted_port: "${env:PORT}"
                    enabled: ${ON}
                service:
                  pipelines:
                    traces: {receivers: [otlp], exporters: [otlp]}
                """,
                "types.yaml");

    ConfigNode otlp = config.components(ComponentKind.EXPORTER).get(ComponentId.parse("otlp"));
    assertThat(otlp.integer("port", 0)).isEqualTo(4317);
    assertThat(otlp.bool("enabled", false)).isTrue();
    // The effective YAML shows the type: a plain number and boolean, a quoted string stays one.
    assertThat(config.toMaskedYaml())
        .contains("    port: 4317\n")
        .contains("    quoted_port: \"4317\"\n")
        .contains("    enabled: true\n");
  }

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }
}
