package otelgw.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import otelgw.config.MetricReaderSettings.Compression;
import otelgw.config.MetricReaderSettings.Temporality;

/** {@code service.telemetry.metrics.readers}: the Collector's periodic OTLP reader. */
class MetricReaderSettingsTest {

  private final ConfigProblems problems = new ConfigProblems();

  private TelemetrySettings parse(String yaml) {
    return TelemetrySettings.parse(ConfigNode.parse(yaml, "service.telemetry", problems));
  }

  private List<String> errors() {
    return problems.all().stream()
        .filter(p -> !problems.warnings().contains(p))
        .map(p -> p.path() + ": " + p.message())
        .toList();
  }

  @Test
  void readsTheCollectorsShape() {
    TelemetrySettings telemetry =
        parse(
            """
            metrics:
              level: detailed
              readers:
                - periodic:
                    interval: 5000
                    timeout: 2000
                    exporter:
                      otlp:
                        protocol: http/protobuf
                        endpoint: http://127.0.0.1:4318/v1/metrics
                        headers: { authorization: Bearer abc }
                        compression: gzip
                        temporality_preference: delta
            """);

    assertThat(problems.all()).isEmpty();
    assertThat(telemetry.metricsAddress()).contains(TelemetrySettings.DEFAULT_METRICS_ADDRESS);
    assertThat(telemetry.metricReaders())
        .containsExactly(
            new MetricReaderSettings(
                Duration.ofSeconds(5),
                Duration.ofSeconds(2),
                URI.create("http://127.0.0.1:4318/v1/metrics"),
                Map.of("authorization", "Bearer abc"),
                Compression.GZIP,
                Temporality.DELTA));
  }

  @Test
  void anEndpointIsAllItNeeds() {
    TelemetrySettings telemetry =
        parse(
            """
            metrics:
              readers:
                - periodic: { exporter: { otlp: { endpoint: "https://otlp.example.com/v1/metrics" } } }
            """);

    assertThat(problems.all()).isEmpty();
    assertThat(telemetry.metricReaders())
        .containsExactly(
            new MetricReaderSettings(
                MetricReaderSettings.DEFAULT_INTERVAL,
                MetricReaderSettings.DEFAULT_TIMEOUT,
                URI.create("https://otlp.example.com/v1/metrics"),
                Map.of(),
                Compression.NONE,
                Temporality.CUMULATIVE));
    assertThat(MetricReaderSettings.DEFAULT_INTERVAL).isEqualTo(Duration.ofSeconds(60));
  }

  @Test
  void noReadersByDefault() {
    assertThat(parse("").metricReaders()).isEmpty();
    assertThat(TelemetrySettings.defaults().metricReaders()).isEmpty();
  }

  @Test
  void levelNoneTurnsReadersOffWithAWarning() {
    TelemetrySettings telemetry =
        parse(
            """
            metrics:
              level: none
              readers:
                - periodic: { exporter: { otlp: { endpoint: "http://127.0.0.1:4318/v1/metrics" } } }
            """);

    assertThat(telemetry.metricsAddress()).isEmpty();
    assertThat(telemetry.metricReaders()).isEmpty();
    assertThat(errors()).isEmpty();
    assertThat(problems.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.path()).isEqualTo("service.telemetry.metrics.readers");
              assertThat(w.message()).contains("level: none");
            });
  }

  @Test
  void everyErrorIsReportedWithItsPath() {
    parse(
        """
        metrics:
          readers:
            - periodic:
                interval: 0
                exporter:
                  otlp:
                    protocol: grpc
                    endpoint: http://127.0.0.1:4317
            - periodic:
                intervall: 1000
                exporter:
                  otlp:
                    headers: { a: b }
            - periodic:
                interval: soon
                exporter:
                  otlp:
                    endpoint: 127.0.0.1:4318
                    compression: zstd
            - periodic: {}
            - pull: { exporter: { prometheus: { host: localhost, port: 9464 } } }
        """);

    String readers = "service.telemetry.metrics.readers";
    assertThat(errors())
        .containsExactly(
            readers + "[0].periodic.interval: must be more than 0",
            readers
                + "[0].periodic.exporter.otlp.protocol: 'grpc' is not supported: only"
                + " http/protobuf is supported",
            readers + "[1].periodic.intervall: unknown key 'intervall' (did you mean 'interval'?)",
            readers
                + "[1].periodic.exporter.otlp.endpoint: 'endpoint' is required: the full URL,"
                + " such as http://127.0.0.1:4318/v1/metrics",
            readers + "[2].periodic.interval: expected milliseconds such as 60000, got 'soon'",
            readers
                + "[2].periodic.exporter.otlp.endpoint: '127.0.0.1:4318' is not a URL: use the"
                + " full URL, such as http://127.0.0.1:4318/v1/metrics",
            readers
                + "[2].periodic.exporter.otlp.compression: expected one of none, gzip, got 'zstd'",
            readers
                + "[3].periodic.exporter: 'exporter' is required: add 'otlp' with an 'endpoint'",
            readers
                + "[4].pull: pull readers are not supported: otelgw serves Prometheus on"
                + " service.telemetry.metrics.address");
  }

  @Test
  void headerValuesStayOutOfToString() {
    MetricReaderSettings reader =
        new MetricReaderSettings(
            MetricReaderSettings.DEFAULT_INTERVAL,
            MetricReaderSettings.DEFAULT_TIMEOUT,
            URI.create("http://127.0.0.1:4318/v1/metrics"),
            Map.of("authorization", "Bearer s3cr3t"),
            Compression.NONE,
            Temporality.CUMULATIVE);

    assertThat(reader.toString()).contains("authorization=***").doesNotContain("s3cr3t");
  }
}
