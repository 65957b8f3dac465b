package otelgw.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A table of bad configs, each with the exact errors ({@code path: message}) it must produce. The
 * components are read the way a factory reads them, with the shared blocks.
 */
class BadConfigTest {

  /** A valid config; each case replaces one of its sections. */
  private static String config(String receiver, String exporter, String service) {
    return """
        receivers:
          otlp:
        %s
        exporters:
          otlp:
        %s
        service:
        %s
        """
        .formatted(indent(receiver, 4), indent(exporter, 4), indent(service, 2));
  }

  private static final String SERVICE =
      """
      pipelines:
        traces: {receivers: [otlp], exporters: [otlp]}
      """;

  private static final String EXPORTER = "endpoint: backend:4317\n";

  private static final String RECEIVER = "endpoint: 127.0.0.1:4317\n";

  static Stream<Arguments> badConfigs() {
    return Stream.of(
        bad(
            "multiplier below 1",
            config(RECEIVER, EXPORTER + "retry_on_failure: {multiplier: 0.5}\n", SERVICE),
            "exporters.otlp.retry_on_failure.multiplier: must be at least 1"),
        bad(
            "negative max_elapsed_time",
            config(RECEIVER, EXPORTER + "retry_on_failure: {max_elapsed_time: -1s}\n", SERVICE),
            "exporters.otlp.retry_on_failure.max_elapsed_time: '-1s' is not a duration: use a"
                + " number and a unit, such as 200ms, 5s or 1m30s"),
        bad(
            "jitter of 1",
            config(RECEIVER, EXPORTER + "retry_on_failure: {randomization_factor: 1.0}\n", SERVICE),
            "exporters.otlp.retry_on_failure.randomization_factor: must be at least 0 and less"
                + " than 1"),
        bad(
            "zero consumers",
            config(RECEIVER, EXPORTER + "sending_queue: {num_consumers: 0}\n", SERVICE),
            "exporters.otlp.sending_queue.num_consumers: must be at least 1"),
        bad(
            "queue size not a number",
            config(RECEIVER, EXPORTER + "sending_queue: {queue_size: big}\n", SERVICE),
            "exporters.otlp.sending_queue.queue_size: expected a whole number, got 'big'"),
        bad(
            "typo in a queue key",
            config(RECEIVER, EXPORTER + "sending_queue: {queue_sise: 10}\n", SERVICE),
            "exporters.otlp.sending_queue.queue_sise: unknown key 'queue_sise' (did you mean"
                + " 'queue_size'?)"),
        bad(
            "client cert without key",
            config(RECEIVER, EXPORTER + "tls: {cert_file: /c.pem}\n", SERVICE),
            "exporters.otlp.tls.key_file: 'cert_file' and 'key_file' go together"),
        bad(
            "exporter timeout without unit",
            config(RECEIVER, EXPORTER + "timeout: 30\n", SERVICE),
            "exporters.otlp.timeout: '30' is not a duration: use a number and a unit, such as"
                + " 200ms, 5s or 1m30s"),
        bad(
            "typo in an exporter key",
            config(RECEIVER, EXPORTER + "retry_on_failur: {}\n", SERVICE),
            "exporters.otlp.retry_on_failur: unknown key 'retry_on_failur' (did you mean"
                + " 'retry_on_failure'?)"),
        bad(
            "receiver endpoint without port",
            config("endpoint: localhost\n", EXPORTER, SERVICE),
            "receivers.otlp.endpoint: 'localhost' is not an endpoint: use host:port, such as"
                + " 127.0.0.1:4317"),
        bad(
            "receiver TLS without key",
            config(RECEIVER + "tls: {cert_file: /s.crt}\n", EXPORTER, SERVICE),
            "receivers.otlp.tls.key_file: a TLS server needs 'key_file'"),
        bad(
            "queue given as a list",
            config(RECEIVER, EXPORTER + "sending_queue: [1, 2]\n", SERVICE),
            "exporters.otlp.sending_queue: expected a mapping of keys to values"),
        bad(
            "undefined exporter",
            config(
                RECEIVER,
                EXPORTER,
                "pipelines:\n  traces: {receivers: [otlp], exporters: [otlp, otlp/eu]}\n"),
            "service.pipelines.traces.exporters: exporter 'otlp/eu' is not defined under"
                + " 'exporters'"),
        bad(
            "pipeline named after a missing signal",
            config(
                RECEIVER,
                EXPORTER,
                "pipelines:\n  traces: {receivers: [otlp], exporters: [otlp]}\n  metric: {}\n"),
            "service.pipelines.metric: 'metric' is not a signal: use traces, metrics or logs"),
        bad(
            "log level",
            config(RECEIVER, EXPORTER, SERVICE + "telemetry: {logs: {level: verbose}}\n"),
            "service.telemetry.logs.level: expected one of trace, debug, info, warn, error"),
        bad(
            "metrics address",
            config(RECEIVER, EXPORTER, SERVICE + "telemetry: {metrics: {address: \"8888\"}}\n"),
            "service.telemetry.metrics.address: '8888' is not an endpoint: use host:port, such as"
                + " 127.0.0.1:4317"),
        bad(
            "two mistakes in one section, both reported",
            config(
                RECEIVER,
                EXPORTER + "retry_on_failure: {initial_interval: 0s, multiplier: 0}\n",
                SERVICE),
            "exporters.otlp.retry_on_failure.initial_interval: must be greater than 0",
            "exporters.otlp.retry_on_failure.multiplier: must be at least 1"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badConfigs")
  void reportsExactlyItsErrors(String name, String yaml, List<String> expected) throws Exception {
    assertThat(errorsOf(yaml)).containsExactlyElementsOf(expected);
  }

  @Test
  void theBaseConfigIsValid() throws Exception {
    assertThat(errorsOf(config(RECEIVER, EXPORTER, SERVICE))).isEmpty();
  }

  private static Arguments bad(String name, String yaml, String... errors) {
    return Arguments.of(name, yaml, List.of(errors));
  }

  private static List<String> errorsOf(String yaml) throws ConfigException {
    GatewayConfig config = new ConfigLoader(Map.of()).loadYaml(yaml, "bad.yaml");
    config.components(ComponentKind.RECEIVER).values().forEach(BadConfigTest::readReceiver);
    config.components(ComponentKind.EXPORTER).values().forEach(BadConfigTest::readExporter);
    return config.problems().all().stream()
        .filter(p -> p.severity() == ConfigProblem.Severity.ERROR)
        .map(p -> p.path() + ": " + p.message())
        .toList();
  }

  /** As a receiver factory reads its section. */
  private static void readReceiver(ConfigNode node) {
    Endpoints.check(node, "endpoint", node.string("endpoint", "127.0.0.1:4317"));
    node.section("tls").ifPresent(TlsServerSettings::parse);
    node.finish(Set.of("endpoint", "tls"));
  }

  /** As an exporter factory reads its section. */
  private static void readExporter(ConfigNode node) {
    node.string("endpoint", "");
    node.duration("timeout", Duration.ofSeconds(5));
    node.section("retry_on_failure").ifPresent(RetrySettings::parse);
    node.section("sending_queue").ifPresent(QueueSettings::parse);
    TlsClientSettings.parse(node.sectionOrEmpty("tls"));
    node.finish(Set.of("endpoint", "timeout", "retry_on_failure", "sending_queue", "tls"));
  }

  private static String indent(String text, int spaces) {
    return text.indent(spaces).stripTrailing();
  }
}
