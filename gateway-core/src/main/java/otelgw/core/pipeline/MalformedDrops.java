package otelgw.core.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.slf4j.LoggerFactory;
import otelgw.config.PipelineId;
import otelgw.core.batch.Batch;
import otelgw.core.batch.MalformedBatchException;
import otelgw.core.telemetry.MetricNames;
import otelgw.core.telemetry.ThrottledLog;

/**
 * Batches a stage could not decode: bytes that passed the receiver's wire checks but do not parse
 * (an invalid UTF-8 string inside a span, say). They are already acknowledged, so this is a drop
 * after "OK", counted by reason {@code malformed} and logged without a stack trace, not a fault of
 * the pipeline. Used on the ring's consumer thread only.
 */
final class MalformedDrops {

  private final PipelineId pipeline;
  private final Counter dropped;
  private final ThrottledLog log =
      new ThrottledLog(LoggerFactory.getLogger(MalformedDrops.class), Duration.ofSeconds(10));

  MalformedDrops(PipelineId pipeline, MeterRegistry meters) {
    this.pipeline = pipeline;
    this.dropped =
        Counter.builder(MetricNames.PIPELINE_DROPPED)
            .description("Items a pipeline dropped after acknowledging them, by reason.")
            .tag("pipeline", pipeline.toString())
            .tag("reason", "malformed")
            .register(meters);
  }

  void drop(Batch<?> batch, MalformedBatchException cause) {
    int items = batch.itemCount();
    batch.release();
    dropped.increment(items);
    log.warn(
        "pipeline "
            + pipeline
            + ": dropped "
            + batch.signal().itemName()
            + " a stage could not decode; last cause: "
            + cause.getMessage(),
        items);
  }
}
