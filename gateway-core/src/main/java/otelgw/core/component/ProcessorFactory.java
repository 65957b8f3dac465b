package otelgw.core.component;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import otelgw.config.ComponentId;
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
   * A processor for one pipeline, passing what it produces to {@code next}. The graph wraps it to
   * count items in and out; the processor itself knows only its batch and {@code next}.
   */
  <B extends Batch<?>> Processor<B> createProcessor(
      ProcessorSettings<B> settings, C config, BatchConsumer<B> next);

  /**
   * The admission check this processor type puts at the edge of every pipeline it is in, made once
   * per component id and shared by those pipelines; none by default. The memory limiter is such a
   * processor: its decision has to be taken before a request is acknowledged, not on the ring
   * consumer after.
   */
  default Optional<Admission> createAdmission(ComponentId id, C config, MeterRegistry meters) {
    return Optional.empty();
  }
}
