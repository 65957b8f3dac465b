package otelgw.core.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import otelgw.config.Signal;

/** The Collector's names, which dashboards and alerts depend on. */
class MetricNamesTest {

  @Test
  void perSignalNamesUseTheCollectorsItemWords() {
    assertThat(MetricNames.receiverAccepted(Signal.TRACES))
        .isEqualTo("otelcol.receiver.accepted.spans");
    assertThat(MetricNames.receiverRefused(Signal.METRICS))
        .isEqualTo("otelcol.receiver.refused.metric_points");
    assertThat(MetricNames.exporterSent(Signal.LOGS))
        .isEqualTo("otelcol.exporter.sent.log_records");
    assertThat(MetricNames.exporterSendFailed(Signal.TRACES))
        .isEqualTo("otelcol.exporter.send_failed.spans");
    assertThat(MetricNames.exporterEnqueueFailed(Signal.TRACES))
        .isEqualTo("otelcol.exporter.enqueue_failed.spans");
    assertThat(MetricNames.dropped(Signal.LOGS)).isEqualTo("otelgw.dropped.log_records");
    assertThat(MetricNames.receiverRefusedByReason(Signal.TRACES))
        .isEqualTo("otelgw.receiver.refused.spans");
  }

  @Test
  void fixedNames() {
    assertThat(MetricNames.PROCESSOR_INCOMING).isEqualTo("otelcol.processor.incoming_items");
    assertThat(MetricNames.PROCESSOR_OUTGOING).isEqualTo("otelcol.processor.outgoing_items");
    assertThat(MetricNames.EXPORTER_QUEUE_SIZE).isEqualTo("otelcol.exporter.queue_size");
    assertThat(MetricNames.EXPORTER_QUEUE_CAPACITY).isEqualTo("otelcol.exporter.queue_capacity");
  }
}
