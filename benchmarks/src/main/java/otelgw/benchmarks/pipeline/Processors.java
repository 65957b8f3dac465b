package otelgw.benchmarks.pipeline;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import otelgw.config.ComponentId;
import otelgw.config.ConfigNode;
import otelgw.config.ConfigProblems;
import otelgw.config.PipelineId;
import otelgw.core.batch.BatchType;
import otelgw.core.batch.TraceBatch;
import otelgw.core.component.Processor;
import otelgw.core.component.ProcessorFactory;
import otelgw.core.component.ProcessorSettings;
import otelgw.core.consumer.BatchConsumer;

/** One processor on its own, made by its factory from a YAML section, for per-stage benchmarks. */
public final class Processors {

  private Processors() {}

  /** A traces processor of {@code factory}'s type configured by {@code yaml}, passing to next. */
  public static <C> Processor<TraceBatch> create(
      ProcessorFactory<C> factory, String yaml, BatchConsumer<TraceBatch> next) throws Exception {
    ConfigProblems problems = new ConfigProblems();
    C config =
        factory.parseConfig(ConfigNode.parse(yaml, "processors." + factory.type(), problems));
    problems.throwIfErrors();
    ProcessorSettings<TraceBatch> settings =
        new ProcessorSettings<>(
            ComponentId.parse(factory.type()),
            PipelineId.parse("traces"),
            BatchType.TRACES,
            new SimpleMeterRegistry());
    Processor<TraceBatch> processor = factory.createProcessor(settings, config, next);
    processor.start();
    return processor;
  }
}
