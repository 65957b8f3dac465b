package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import otelgw.config.ConfigLoader;
import otelgw.core.pipeline.ResolvedConfig;

/**
 * The one block logged at start is where an operator checks what runs: every pipeline, every
 * endpoint it listens on or sends to, and the limits in effect, and never a secret.
 */
class StartupReportTest {

  private static final String YAML =
      """
      receivers:
        otlp:
          protocols:
            grpc:
              endpoint: 127.0.0.1:14317
              max_recv_msg_size_mib: 8
            http:
              endpoint: 127.0.0.1:14318
              max_request_body_size: 2097152
      processors:
        memory_limiter:
          check_interval: 2s
          limit_mib: 300
          spike_limit_mib: 60
        batch:
          send_batch_size: 500
          timeout: 300ms
      exporters:
        otlp/backend:
          endpoint: collector.internal:4317
          tls: { insecure: true }
          headers: { authorization: "Bearer s3cr3t-header-token" }
          sending_queue: { queue_size: 123, num_consumers: 3 }
          retry_on_failure: { initial_interval: 1s, max_interval: 7s, max_elapsed_time: 45s }
        otlphttp/saas:
          endpoint: https://otelgw:s3cr3t-url-password@ingress.example.com
          timeout: 12s
          sending_queue: { enabled: false }
          retry_on_failure: { enabled: false }
        debug:
      extensions:
        health_check:
          endpoint: 127.0.0.1:13999
      service:
        extensions: [health_check]
        pipelines:
          traces:
            receivers: [otlp]
            processors: [memory_limiter, batch]
            exporters: [otlp/backend]
          metrics/saas:
            receivers: [otlp]
            processors: [memory_limiter]
            exporters: [otlphttp/saas]
          logs:
            receivers: [otlp]
            exporters: [debug]
        telemetry:
          metrics:
            address: 127.0.0.1:18888
      """;

  private static String report() throws Exception {
    ResolvedConfig resolved =
        ResolvedConfig.resolve(
            new ConfigLoader(Map.of()).loadYaml(YAML, "startup.yaml", List.of()), Components.all());
    ConfigSource source = new ConfigSource(List.of(Path.of("startup.yaml")), List.of(), Map.of());
    try (CapturedLogs logs = new CapturedLogs()) {
      StartupReport.log(
          LoggerFactory.getLogger(StartupReportTest.class),
          resolved,
          source,
          Duration.ofMillis(42));
      List<String> lines = logs.lines();
      assertThat(lines).as("one block, one log event").hasSize(1);
      return lines.get(0);
    }
  }

  @Test
  void namesEachPipelineWithItsComponents() throws Exception {
    assertThat(report())
        .contains("started in 42 ms from [startup.yaml]")
        .contains("\n  pipeline traces: [otlp] -> [memory_limiter, batch] -> [otlp/backend]")
        .contains("\n  pipeline metrics/saas: [otlp] -> [memory_limiter] -> [otlphttp/saas]")
        .contains("\n  pipeline logs: [otlp] -> [] -> [debug]");
  }

  @Test
  void namesEachEndpointItListensOnOrSendsTo() throws Exception {
    assertThat(report())
        .contains("grpc on 127.0.0.1:14317")
        .contains("http on 127.0.0.1:14318")
        .contains("\n  exporter otlp/backend: to collector.internal:4317 (plaintext)")
        .contains(
            "\n  exporter otlphttp/saas: to https://otelgw:***@ingress.example.com/v1/traces,"
                + " https://otelgw:***@ingress.example.com/v1/metrics,"
                + " https://otelgw:***@ingress.example.com/v1/logs")
        .contains("\n  extension health_check: ")
        .contains("127.0.0.1:13999")
        .contains("\n  metrics and status: http://127.0.0.1:18888/");
  }

  @Test
  void statesTheLimitsInEffect() throws Exception {
    assertThat(report())
        .contains("max message 8 MiB")
        .contains("max body 2MiB")
        .contains(
            "\n  processor memory_limiter: refuse new data above 240 MiB in flight or 300 MiB of"
                + " live heap, checked every 2s")
        .contains("\n  processor batch: send at 500 items, after 300ms")
        .contains("ring of 1024 requests")
        .contains(
            "timeout 5s; queue of 123 requests, 3 consumers, waits when full, merges what waits"
                + " up to 8192 items and 3584KiB; retry every 1s to 7s for at most 45s")
        .contains("timeout 12s; no queue; no retry");
  }

  @Test
  void neverNamesASecret() throws Exception {
    assertThat(report()).doesNotContain("s3cr3t");
  }
}
