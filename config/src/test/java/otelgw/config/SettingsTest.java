package otelgw.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shared blocks: sending_queue, retry_on_failure, tls (client and server), telemetry. */
class SettingsTest {

  private final ConfigProblems problems = new ConfigProblems();

  private ConfigNode node(String path, String yaml) {
    return ConfigNode.parse(yaml, path, problems);
  }

  private List<String> errors() {
    return problems.all().stream().map(p -> p.path() + ": " + p.message()).toList();
  }

  @Test
  void queueDefaults() {
    Optional<QueueSettings> queue = QueueSettings.parse(node("q", ""));

    assertThat(queue).contains(QueueSettings.defaults());
    assertThat(QueueSettings.defaults())
        .isEqualTo(
            new QueueSettings(
                32,
                1000,
                QueueSettings.Sizer.REQUESTS,
                true,
                new QueueSettings.Merging(true, 8192, 3584 * 1024)));
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void queueReadsEveryKey() {
    Optional<QueueSettings> queue =
        QueueSettings.parse(
            node(
                "q",
                "num_consumers: 2\nqueue_size: 5000\nsizer: items\nblock_on_overflow: false\n"));

    assertThat(queue).contains(new QueueSettings(2, 5000, QueueSettings.Sizer.ITEMS, false));
  }

  @Test
  void queueReadsItsMergingKeys() {
    Optional<QueueSettings> merging =
        QueueSettings.parse(node("q", "merge_max_items: 1000\nmerge_max_bytes: 1MiB\n"));
    Optional<QueueSettings> off = QueueSettings.parse(node("q", "merge: false\n"));

    assertThat(merging.orElseThrow().merging())
        .isEqualTo(new QueueSettings.Merging(true, 1000, 1 << 20));
    assertThat(off.orElseThrow().merging()).isEqualTo(QueueSettings.Merging.OFF);
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void aDisabledQueueIsEmptyButStillChecked() {
    Optional<QueueSettings> queue =
        QueueSettings.parse(
            node("exporters.otlp.sending_queue", "enabled: false\nqueue_size: 0\n"));

    assertThat(queue).isEmpty();
    assertThat(errors())
        .containsExactly("exporters.otlp.sending_queue.queue_size: must be at least 1");
  }

  @Test
  void queueRangeErrors() {
    QueueSettings.parse(
        node(
            "exporters.otlp.sending_queue",
            "num_consumers: 0\nqueue_size: -3\nsizer: pages\nmerge_max_items: 0\n"
                + "merge_max_bytes: 0\n"));

    assertThat(errors())
        .containsExactly(
            "exporters.otlp.sending_queue.sizer: expected one of requests, items, bytes, got"
                + " 'pages'",
            "exporters.otlp.sending_queue.num_consumers: must be at least 1",
            "exporters.otlp.sending_queue.queue_size: must be at least 1",
            "exporters.otlp.sending_queue.merge_max_items: must be at least 1",
            "exporters.otlp.sending_queue.merge_max_bytes: must be at least 1");
  }

  @Test
  void retryDefaultsAreTheCollectors() {
    assertThat(RetrySettings.parse(node("r", ""))).contains(RetrySettings.defaults());
    assertThat(RetrySettings.defaults())
        .isEqualTo(
            new RetrySettings(
                Duration.ofSeconds(5), 0.5, 1.5, Duration.ofSeconds(30), Duration.ofMinutes(5)));
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void retryReadsEveryKeyAndZeroElapsedMeansForever() {
    Optional<RetrySettings> retry =
        RetrySettings.parse(
            node(
                "r",
                """
                initial_interval: 100ms
                randomization_factor: 0
                multiplier: 2
                max_interval: 1s
                max_elapsed_time: 0
                """));

    assertThat(retry)
        .contains(
            new RetrySettings(Duration.ofMillis(100), 0, 2, Duration.ofSeconds(1), Duration.ZERO));
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void retryDisabledIsEmpty() {
    assertThat(RetrySettings.parse(node("r", "enabled: false\n"))).isEmpty();
  }

  @Test
  void retryRangeErrors() {
    RetrySettings.parse(
        node(
            "exporters.otlp.retry_on_failure",
            """
            initial_interval: 0s
            randomization_factor: 1
            multiplier: 0.5
            max_interval: 1s
            max_elapsed_time: 5m
            """));

    assertThat(errors())
        .containsExactly(
            "exporters.otlp.retry_on_failure.initial_interval: must be greater than 0",
            "exporters.otlp.retry_on_failure.randomization_factor: must be at least 0 and less"
                + " than 1",
            "exporters.otlp.retry_on_failure.multiplier: must be at least 1");
  }

  @Test
  void retryMaxIntervalBelowInitialIsAnError() {
    RetrySettings.parse(
        node("exporters.otlp.retry_on_failure", "initial_interval: 10s\nmax_interval: 5s\n"));

    assertThat(errors())
        .containsExactly(
            "exporters.otlp.retry_on_failure.max_interval: must not be less than"
                + " 'initial_interval'");
  }

  @Test
  void tlsClientDefaultsAndKeys() {
    assertThat(TlsClientSettings.parse(node("tls", ""))).isEqualTo(TlsClientSettings.defaults());
    TlsClientSettings tls =
        TlsClientSettings.parse(
            node(
                "tls",
                """
                insecure: false
                ca_file: /ca.pem
                cert_file: /c.pem
                key_file: /k.pem
                insecure_skip_verify: true
                server_name_override: backend.internal
                min_version: "1.3"
                """));

    assertThat(tls)
        .isEqualTo(
            new TlsClientSettings(
                false,
                Optional.of("/ca.pem"),
                Optional.of("/c.pem"),
                Optional.of("/k.pem"),
                true,
                Optional.of("backend.internal"),
                "1.3"));
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void tlsClientCertAndKeyGoTogether() {
    TlsClientSettings.parse(node("exporters.otlp.tls", "cert_file: /c.pem\n"));
    TlsClientSettings.parse(node("exporters.otlp/b.tls", "key_file: /k.pem\n"));

    assertThat(errors())
        .containsExactly(
            "exporters.otlp.tls.key_file: 'cert_file' and 'key_file' go together",
            "exporters.otlp/b.tls.cert_file: 'cert_file' and 'key_file' go together");
  }

  @Test
  void tlsClientMinVersionIsCheckedAndTypoSuggested() {
    TlsClientSettings.parse(
        node("exporters.otlp.tls", "min_version: \"1.1\"\ninsecure_skipverify: true\n"));

    assertThat(errors())
        .containsExactly(
            "exporters.otlp.tls.min_version: must be 1.2 or 1.3",
            "exporters.otlp.tls.insecure_skipverify: unknown key 'insecure_skipverify' (did you"
                + " mean 'insecure_skip_verify'?)");
  }

  @Test
  void tlsServerNeedsCertAndKey() {
    TlsServerSettings tls =
        TlsServerSettings.parse(
            node("receivers.otlp.protocols.grpc.tls", "min_version: \"1.0\"\n"));

    assertThat(tls.minVersion()).isEqualTo("1.0");
    assertThat(errors())
        .containsExactly(
            "receivers.otlp.protocols.grpc.tls.cert_file: a TLS server needs 'cert_file'",
            "receivers.otlp.protocols.grpc.tls.key_file: a TLS server needs 'key_file'",
            "receivers.otlp.protocols.grpc.tls.min_version: must be 1.2 or 1.3");
  }

  @Test
  void tlsServerReadsEveryKey() {
    TlsServerSettings tls =
        TlsServerSettings.parse(
            node("t", "cert_file: /s.crt\nkey_file: /s.key\nclient_ca_file: /ca.pem\n"));

    assertThat(tls)
        .isEqualTo(
            new TlsServerSettings(
                "/s.crt", "/s.key", Optional.of("/ca.pem"), TlsServerSettings.DEFAULT_MIN_VERSION));
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void telemetryDefaults() {
    TelemetrySettings telemetry = TelemetrySettings.parse(node("service.telemetry", ""));

    assertThat(telemetry).isEqualTo(TelemetrySettings.defaults());
    assertThat(telemetry.metricsAddress()).contains("127.0.0.1:8888");
    assertThat(telemetry.logLevel()).isEqualTo("info");
    assertThat(telemetry.logEncoding()).isEqualTo(TelemetrySettings.LogEncoding.CONSOLE);
    assertThat(problems.all()).isEmpty();
  }

  @Test
  void telemetryLevelNoneTurnsMetricsOff() {
    TelemetrySettings telemetry =
        TelemetrySettings.parse(
            node(
                "service.telemetry",
                "metrics: {level: none}\nlogs: {level: DEBUG, encoding: json}\n"));

    assertThat(telemetry.metricsAddress()).isEmpty();
    assertThat(telemetry.logLevel()).isEqualTo("debug");
    assertThat(telemetry.logEncoding()).isEqualTo(TelemetrySettings.LogEncoding.JSON);
  }

  @Test
  void telemetryErrors() {
    TelemetrySettings.parse(
        node(
            "service.telemetry",
            """
            metrics: {level: verbose, address: "8888"}
            logs: {level: loud, encoding: xml}
            traces: {}
            """));

    assertThat(errors())
        .containsExactly(
            "service.telemetry.metrics.level: expected one of none, basic, normal, detailed",
            "service.telemetry.metrics.address: '8888' is not an endpoint: use host:port, such as"
                + " 127.0.0.1:4317",
            "service.telemetry.logs.level: expected one of trace, debug, info, warn, error",
            "service.telemetry.logs.encoding: expected one of console, json, got 'xml'",
            "service.telemetry.traces: unknown key 'traces'");
  }
}
