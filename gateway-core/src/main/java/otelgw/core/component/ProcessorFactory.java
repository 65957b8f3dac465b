package otelgw.core.component;

import otelgw.config.ComponentKind;
import otelgw.core.batch.Batch;
import otelgw.core.consumer.BatchConsumer;

/** Makes processors. Each pipeline gets processor instances of its own. */
public interface ProcessorFactory<C> extends Factory<C> {

  @Override
  default ComponentKind kind() {
    return ComponentKind.PROCESSOR;
  }

  /**
   * A processor for one pipeline, passing what it produces to {@code next}. The graph wraps it
   * to count items in and out; the processor itself knows only its batch and {@code next}.
   */
  <B extends Batch<?>> Processor<B> createProcessor(
      ProcessorSettings<B> settings, C config, BatchConsumer<B> next);
}
