package otelgw.core.processor.memorylimiter;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import otelgw.config.ComponentId;
import otelgw.config.ConfigNode;
import otelgw.config.Durations;
import otelgw.config.Signal;
import otelgw.core.batch.Batch;
import otelgw.core.component.Admission;
import otelgw.core.component.Processor;
import otelgw.core.component.ProcessorFactory;
import otelgw.core.component.ProcessorSettings;
import otelgw.core.component.Stability;
import otelgw.core.consumer.BatchConsumer;

/** Makes {@code memory_limiter} processors: refuse new data at the edge above a memory limit. */
public final class MemoryLimiterFactory implements ProcessorFactory<MemoryLimiterConfig> {

  private static final long MIB = 1024 * 1024;

  @Override
  public String type() {
    return "memory_limiter";
  }

  @Override
  public Stability stability() {
    return Stability.BETA;
  }

  @Override
  public Set<Signal> signals() {
    return EnumSet.allOf(Signal.class);
  }

  @Override
  public MemoryLimiterConfig parseConfig(ConfigNode node) {
    return MemoryLimiterConfig.parse(node);
  }

  @Override
  public <B extends Batch<?>> Processor<B> createProcessor(
      ProcessorSettings<B> settings, MemoryLimiterConfig config, BatchConsumer<B> next) {
    return new MemoryLimiterProcessor<>(next);
  }

  @Override
  public String summary(MemoryLimiterConfig config) {
    long maxHeap = HeapSampler.maxHeap();
    return "refuse new data above "
        + config.softLimitBytes(maxHeap) / MIB
        + " MiB in flight or "
        + config.hardLimitBytes(maxHeap) / MIB
        + " MiB of live heap, checked every "
        + Durations.format(config.checkInterval());
  }

  @Override
  public Optional<Admission> createAdmission(
      ComponentId id, MemoryLimiterConfig config, MeterRegistry meters) {
    return Optional.of(
        new MemoryLimiter(id, config, HeapSampler.maxHeap(), HeapSampler.INSTANCE, meters));
  }
}
