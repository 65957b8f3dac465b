package otelgw.core.exporterhelper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import otelgw.config.ComponentId;
import otelgw.config.Signal;
import otelgw.core.telemetry.MetricNames;

/** One exporter's counters for one signal, registered once and kept. */
final class ExporterMeters {

  /** Why items were dropped after acknowledgement; a metric label. */
  enum DropReason {
    PERMANENT_ERROR,
    RETRIES_EXHAUSTED,
    QUEUE_FULL,
    SHUTDOWN;

    String label() {
      return name().toLowerCase();
    }
  }

  final Counter sent;
  final Counter sendFailed;
  final Counter enqueueFailed;
  final Counter retries;
  private final Counter[] dropped = new Counter[DropReason.values().length];

  ExporterMeters(ComponentId exporter, Signal signal, MeterRegistry meters) {
    String id = exporter.toString();
    sent =
        Counter.builder(MetricNames.exporterSent(signal))
            .description("Items successfully sent to the destination.")
            .tag("exporter", id)
            .register(meters);
    sendFailed =
        Counter.builder(MetricNames.exporterSendFailed(signal))
            .description("Items that failed to be sent to the destination.")
            .tag("exporter", id)
            .register(meters);
    enqueueFailed =
        Counter.builder(MetricNames.exporterEnqueueFailed(signal))
            .description("Items that failed to be added to the sending queue.")
            .tag("exporter", id)
            .register(meters);
    retries =
        Counter.builder(MetricNames.EXPORTER_RETRIES)
            .description("Send attempts that failed and were tried again.")
            .tag("exporter", id)
            .tag("otel_signal", signal.configName())
            .register(meters);
    for (DropReason reason : DropReason.values()) {
      dropped[reason.ordinal()] =
          Counter.builder(MetricNames.dropped(signal))
              .description("Items dropped after they were acknowledged, by reason.")
              .tag("component", id)
              .tag("reason", reason.label())
              .register(meters);
    }
  }

  Counter dropped(DropReason reason) {
    return dropped[reason.ordinal()];
  }
}
