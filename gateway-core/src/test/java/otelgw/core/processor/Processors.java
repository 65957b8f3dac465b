package otelgw.core.processor;

import io.micrometer.core.instrument.MeterRegistry;
import otelgw.config.ComponentId;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblems;
import otelgw.config.PipelineId;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.component.Processor;
import otelgw.core.component.ProcessorFactory;
import otelgw.core.component.ProcessorSettings;
import otelgw.core.consumer.BatchConsumer;

/** Makes processors from YAML as the graph would, for tests. */
public final class Processors {

  private Processors() {}

  /** Parses {@code yaml} with the factory and fails on any config error. */
  public static <C> C config(ProcessorFactory<C> factory, String yaml) {
    ConfigProblems problems = new ConfigProblems();
    C config =
        factory.parseConfig(ConfigNode.parse(yaml, "processors." + factory.type(), problems));
    if (problems.hasErrors()) {
      throw new AssertionError("config errors: " + problems.all());
    }
    return config;
  }

  public static <C, B extends Batch<?>> Processor<B> create(
      ProcessorFactory<C> factory,
      String yaml,
      BatchType<?, B> type,
      MeterRegistry meters,
      BatchConsumer<B> next) {
    ProcessorSettings<B> settings =
        new ProcessorSettings<>(
            ComponentId.parse(factory.type()),
            PipelineId.parse(type.signal().configName()),
            type,
            meters);
    return factory.createProcessor(settings, config(factory, yaml), next);
  }
}
