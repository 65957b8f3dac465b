package otelgw.exporter.debug;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import otelgw.config.ComponentId;
import otelgw.config.Signal;
import otelgw.core.batch.BatchType;
import otelgw.core.component.Exporter;
import otelgw.core.component.ExporterSettings;
import otelgw.core.telemetry.MetricNames;
import otelgw.exporter.TestRequests;

class DebugExporterTest {

  private final List<String> printed = new CopyOnWriteArrayList<>();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private Exporter exporter;

  @AfterEach
  void shutdown() {
    exporter.shutdown(Duration.ofSeconds(1));
  }

  @Test
  void basicPrintsOneLinePerBatch() throws Exception {
    start(Verbosity.BASIC);

    exporter.consumer(BatchType.TRACES).consume(traces(3));
    exporter
        .consumer(BatchType.METRICS)
        .consume(BatchType.METRICS.fromMessage(TestRequests.metrics()));
    exporter.consumer(BatchType.LOGS).consume(BatchType.LOGS.fromMessage(TestRequests.logs(1)));

    assertThat(printed)
        .containsExactly(
            "traces: 3 spans, 1 resource",
            "metrics: 3 metrics, 4 data points, 1 resource",
            "logs: 1 log record, 1 resource");
  }

  @Test
  void normalPrintsALinePerItem() throws Exception {
    start(Verbosity.NORMAL);

    exporter.consumer(BatchType.TRACES).consume(traces(2));
    exporter
        .consumer(BatchType.METRICS)
        .consume(BatchType.METRICS.fromMessage(TestRequests.metrics()));
    exporter.consumer(BatchType.LOGS).consume(BatchType.LOGS.fromMessage(TestRequests.logs(2)));

    String trace = "trace_id=" + TestRequests.TRACE_ID;
    assertThat(printed)
        .containsExactly(
            """
            traces: 2 spans, 1 resource
              resource {service.name="checkout"}
                span "GET /users/0" %s span_id=%s 12.5ms ERROR
                span "GET /users/1" %s span_id=%s 12.5ms ERROR"""
                .formatted(trace, TestRequests.SPAN_ID, trace, TestRequests.SPAN_ID),
            """
            metrics: 3 metrics, 4 data points, 1 resource
              resource {service.name="checkout"}
                metric queue.depth ({items}) gauge, 2 points
                metric requests sum, 1 point
                metric http.server.duration (ms) histogram, 1 point""",
            """
            logs: 2 log records, 1 resource
              resource {service.name="checkout"}
                log INFO "user \\"ada\\" logged in" %s
                log INFO [1, true] %s"""
                .formatted(trace, trace));
  }

  @Test
  void detailedPrintsEverySpanField() throws Exception {
    start(Verbosity.DETAILED);

    exporter.consumer(BatchType.TRACES).consume(traces(1));

    assertThat(printed.get(0).lines())
        .containsExactly(
            "traces: 1 span, 1 resource",
            "resource #0 {service.name=\"checkout\"}",
            "  scope #0 io.example.http 1.2.0",
            "    span #0 \"GET /users/0\"",
            "      trace_id: " + TestRequests.TRACE_ID,
            "      span_id: " + TestRequests.SPAN_ID,
            "      kind: SERVER",
            "      start: 2023-11-14T22:13:20Z",
            "      end: 2023-11-14T22:13:20.012500Z",
            "      duration: 12.5ms",
            "      status: ERROR \"boom\"",
            "      attributes: {http.method=\"GET\", http.status_code=500}",
            "      event \"exception\" at 2023-11-14T22:13:20.000001Z"
                + " {exception.type=\"IOException\"}",
            "      link trace_id="
                + TestRequests.TRACE_ID
                + " span_id="
                + TestRequests.SPAN_ID
                + " {}");
  }

  @Test
  void detailedPrintsMetricPointsWithTheirValues() throws Exception {
    start(Verbosity.DETAILED);

    exporter
        .consumer(BatchType.METRICS)
        .consume(BatchType.METRICS.fromMessage(TestRequests.metrics()));

    assertThat(printed.get(0).lines())
        .contains(
            "    metric #0 queue.depth",
            "      unit: {items}",
            "      type: gauge",
            "      point #0 {cpu=\"0\"} start=unset time=2023-11-14T22:13:20Z",
            "        value: 7",
            "      type: sum, cumulative, monotonic",
            "        value: 2.5",
            "      type: histogram, delta",
            "        count: 3, sum: 12.5",
            "        buckets: (-inf, 5]=1, (5, 10]=2, (10, +inf)=0");
  }

  @Test
  void detailedPrintsLogRecords() throws Exception {
    start(Verbosity.DETAILED);

    exporter.consumer(BatchType.LOGS).consume(BatchType.LOGS.fromMessage(TestRequests.logs(1)));

    assertThat(printed.get(0).lines())
        .containsExactly(
            "logs: 1 log record, 1 resource",
            "resource #0 {service.name=\"checkout\"}",
            "  scope #0 io.example.http 1.2.0",
            "    log #0",
            "      time: 2023-11-14T22:13:20Z",
            "      observed_time: unset",
            "      severity: INFO (9)",
            "      body: \"user \\\"ada\\\" logged in\"",
            "      attributes: {user.id=\"42\"}",
            "      trace_id: " + TestRequests.TRACE_ID);
  }

  @Test
  void printedBatchesAreCountedAsSent() throws Exception {
    start(Verbosity.BASIC);

    exporter.consumer(BatchType.TRACES).consume(traces(3));

    assertThat(meters.counter(MetricNames.exporterSent(Signal.TRACES), "exporter", "debug").count())
        .isEqualTo(3);
  }

  @Test
  void samplingAppliesPerSignal() throws Exception {
    exporter =
        DebugExporterFactory.createExporter(
            settings(), new DebugExporterConfig(Verbosity.BASIC, 1, 0, true), printed::add);
    exporter.start();

    exporter.consumer(BatchType.TRACES).consume(traces(1));
    exporter.consumer(BatchType.LOGS).consume(BatchType.LOGS.fromMessage(TestRequests.logs(1)));

    assertThat(printed).hasSize(2);
  }

  private void start(Verbosity verbosity) throws Exception {
    exporter =
        DebugExporterFactory.createExporter(
            settings(), new DebugExporterConfig(verbosity, 100, 1, true), printed::add);
    exporter.start();
  }

  private ExporterSettings settings() {
    return new ExporterSettings(ComponentId.parse("debug"), Set.of(Signal.values()), meters);
  }

  private static otelgw.core.batch.TraceBatch traces(int spans) {
    return BatchType.TRACES.fromWire(TestRequests.traces(spans).toByteArray());
  }
}
