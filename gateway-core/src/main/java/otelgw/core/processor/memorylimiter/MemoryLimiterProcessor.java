package otelgw.core.processor.memorylimiter;

import otelgw.core.batch.Batch;
import otelgw.core.component.Processor;
import otelgw.core.consumer.BatchConsumer;

/**
 * The memory limiter's place in a pipeline. Its work is done at admission, before the ring (see
 * {@link MemoryLimiter}); here it only passes batches on, so that the pipeline's processor list
 * reads as the Collector's does.
 */
final class MemoryLimiterProcessor<B extends Batch<?>> implements Processor<B> {

  private final BatchConsumer<B> next;

  MemoryLimiterProcessor(BatchConsumer<B> next) {
    this.next = next;
  }

  @Override
  public void consume(B batch) {
    next.consume(batch);
  }
}
