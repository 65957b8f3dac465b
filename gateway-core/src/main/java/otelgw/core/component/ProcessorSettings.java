package otelgw.core.component;

import io.micrometer.core.instrument.MeterRegistry;
import otelgw.config.ComponentId;
import otelgw.config.PipelineId;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;

/**
 * What a processor is given besides its config and its next consumer.
 *
 * @param id the processor's id
 * @param pipeline the pipeline this instance serves
 * @param type the batch type it will see
 * @param meters the registry for its self-metrics
 */
public record ProcessorSettings<B extends Batch<?>>(
    ComponentId id, PipelineId pipeline, BatchType<?, B> type, MeterRegistry meters) {}
