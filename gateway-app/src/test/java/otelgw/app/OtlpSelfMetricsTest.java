package otelgw.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import otelgw.app.ClientExporters.Protocol;
import otelgw.app.GatewayConfigs.Upstream;
import otelgw.testing.OtlpBackend;
import otelgw.testing.OtlpSignal;

/**
 * {@code service.telemetry.metrics.readers}: otelgw pushes its own meters over OTLP/HTTP to a real
 * backend, under the Collector's snake_case names, with cumulative sums.
 */
class OtlpSelfMetricsTest {

  /** Receives the forwarded telemetry. */
  private OtlpBackend backend;

  /** Receives otelgw's own metrics, apart, so that the two cannot be confused. */
  private OtlpBackend monitoring;

  @BeforeEach
  void startBackends() {
    backend = OtlpBackend.start();
    monitoring = OtlpBackend.start();
  }

  @AfterEach
  void stopBackends() {
    backend.close();
    monitoring.close();
  }

  private String config(String interval) {
    return GatewayConfigs.forward(backend, Upstream.GRPC)
        + """
          telemetry:
            metrics:
              level: normal
              readers:
                - periodic:
                    interval: %s
                    exporter:
                      otlp:
                        protocol: http/protobuf
                        endpoint: %s
                        headers:
                          x-monitoring-token: t0ken
        """
            .formatted(interval, monitoring.httpUrl(OtlpSignal.METRICS));
  }

  @Test
  void pushesTheCollectorsNamesEveryInterval() throws Exception {
    try (RunningGateway gateway = RunningGateway.start(config("200"));
        ClientExporters client = new ClientExporters(gateway, Protocol.GRPC, "none")) {
      assertThat(client.exportSpans(TestTelemetry.spans("pushed", 25))).isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> backend.spanCount() == 25);

      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(
                          latestSum(
                              "otelcol_receiver_accepted_spans",
                              Map.of("receiver", "otlp", "transport", "grpc")))
                      .hasValue(25.0));
      await()
          .atMost(Duration.ofSeconds(10))
          .untilAsserted(
              () ->
                  assertThat(
                          latestSum(
                              "otelcol_exporter_sent_spans", Map.of("exporter", "otlp/backend")))
                      .hasValue(25.0));

      // Pushed every interval, not once: wait for a second push (the first may hold the totals).
      await().atMost(Duration.ofSeconds(10)).until(() -> monitoring.metricsRequests().size() > 1);
      List<ExportMetricsServiceRequest> pushes = monitoring.metricsRequests();
      ExportMetricsServiceRequest last = pushes.get(pushes.size() - 1);
      assertThat(attributes(last.getResourceMetrics(0).getResource().getAttributesList()))
          .containsEntry("service.name", "otelgw")
          .containsKeys("service.version", "service.instance.id");
      assertThat(names(last))
          .contains("otelcol_exporter_queue_capacity", "jvm_memory_used")
          .noneMatch(name -> name.contains("."));
      assertThat(monitoring.receivedHeaders(OtlpSignal.METRICS))
          .containsEntry("x-monitoring-token", List.of("t0ken"));
      // Nothing of otelgw's own reaches the backend its pipelines forward to.
      assertThat(backend.metrics()).isEmpty();
    }
  }

  @Test
  void shutdownPushesTheFinalCounts() throws Exception {
    RunningGateway gateway = RunningGateway.start(config("60000"));
    try (ClientExporters client = new ClientExporters(gateway, Protocol.GRPC, "none")) {
      assertThat(client.exportSpans(TestTelemetry.spans("final", 7))).isTrue();
      await().atMost(Duration.ofSeconds(10)).until(() -> backend.spanCount() == 7);
    } finally {
      gateway.close();
    }

    // A minute's interval has not passed: this is the push made at shutdown, after the drain.
    assertThat(monitoring.metricsRequests()).hasSize(1);
    assertThat(latestSum("otelcol_exporter_sent_spans", Map.of("exporter", "otlp/backend")))
        .hasValue(7.0);
  }

  /** The value of a sum in the last push that has it, for the data point with {@code tags}. */
  private OptionalDouble latestSum(String name, Map<String, String> tags) {
    List<ExportMetricsServiceRequest> pushes = monitoring.metricsRequests();
    for (int i = pushes.size() - 1; i >= 0; i--) {
      for (Metric metric : metrics(pushes.get(i))) {
        if (metric.getName().equals(name)) {
          assertThat(metric.hasSum()).as(name + " is a sum").isTrue();
          assertThat(metric.getSum().getIsMonotonic()).isTrue();
          return metric.getSum().getDataPointsList().stream()
              .filter(
                  p -> attributes(p.getAttributesList()).entrySet().containsAll(tags.entrySet()))
              .mapToDouble(NumberDataPoint::getAsDouble)
              .findFirst();
        }
      }
    }
    return OptionalDouble.empty();
  }

  private static List<Metric> metrics(ExportMetricsServiceRequest request) {
    return request.getResourceMetricsList().stream()
        .flatMap(r -> r.getScopeMetricsList().stream())
        .flatMap(s -> s.getMetricsList().stream())
        .toList();
  }

  private static List<String> names(ExportMetricsServiceRequest request) {
    return metrics(request).stream().map(Metric::getName).toList();
  }

  private static Map<String, String> attributes(List<KeyValue> attributes) {
    return attributes.stream()
        .collect(Collectors.toMap(KeyValue::getKey, kv -> kv.getValue().getStringValue()));
  }
}
