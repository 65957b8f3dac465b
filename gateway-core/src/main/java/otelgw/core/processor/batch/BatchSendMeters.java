package otelgw.core.processor.batch;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import otelgw.config.ComponentId;
import otelgw.config.Signal;
import otelgw.core.telemetry.MetricNames;

/**
 * What one batch processor sends and why, under the Collector's batch processor metric names: the
 * items in each batch sent, and the sends each trigger caused. Sends because the ring ran empty are
 * otelgw's own trigger, counted apart: how often they happen says whether batches form at all.
 */
final class BatchSendMeters {

  /** Why a batch was sent, and the counter of such sends. */
  enum Trigger {
    /** It reached {@code send_batch_size}, or one more request would take it over a cap. */
    SIZE(
        MetricNames.BATCH_SIZE_TRIGGER,
        "Batches sent because they reached send_batch_size or a cap."),
    /** Its oldest request waited {@code timeout}. */
    TIMEOUT(
        MetricNames.BATCH_TIMEOUT_TRIGGER,
        "Batches sent because their oldest request waited the timeout."),
    /** The ring ran empty or idle, or the pipeline shut down. */
    IDLE(
        MetricNames.BATCH_IDLE_TRIGGER,
        "Batches sent because the ring ran empty or idle, or at shutdown.");

    private final String metric;
    private final String description;

    Trigger(String metric, String description) {
      this.metric = metric;
      this.description = description;
    }
  }

  /** The Collector's histogram buckets for its batch send size, in items. */
  private static final double[] SIZE_BUCKETS = {
    10, 25, 50, 75, 100, 250, 500, 750, 1000, 2000, 3000, 4000, 5000, 6000, 7000, 8000, 9000, 10000,
    20000, 30000, 50000, 100000
  };

  private final DistributionSummary sendSize;
  private final Counter[] sends = new Counter[Trigger.values().length];

  BatchSendMeters(ComponentId processor, Signal signal, MeterRegistry meters) {
    String id = processor.toString();
    String signalName = signal.configName();
    sendSize =
        DistributionSummary.builder(MetricNames.BATCH_SEND_SIZE)
            .description("Items in each batch sent.")
            .tag("processor", id)
            .tag("otel_signal", signalName)
            .serviceLevelObjectives(SIZE_BUCKETS)
            .register(meters);
    for (Trigger trigger : Trigger.values()) {
      sends[trigger.ordinal()] =
          Counter.builder(trigger.metric)
              .description(trigger.description)
              .tag("processor", id)
              .tag("otel_signal", signalName)
              .register(meters);
    }
  }

  void sent(int items, Trigger trigger) {
    sendSize.record(items);
    sends[trigger.ordinal()].increment();
  }
}
