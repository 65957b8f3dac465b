package otelgw.core.component;

import otelgw.core.batch.Batch;
import otelgw.core.consumer.BatchConsumer;

/**
 * A pipeline stage: consumes a batch on the ring consumer thread and passes the result (possibly
 * changed, merged or nothing) to the next consumer it was created with.
 */
public interface Processor<B extends Batch<?>> extends BatchConsumer<B>, Component {}
