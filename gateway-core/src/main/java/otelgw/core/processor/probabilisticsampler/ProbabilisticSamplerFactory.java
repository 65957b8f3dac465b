package otelgw.core.processor.probabilisticsampler;

import io.micrometer.core.instrument.Counter;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import otelgw.config.ConfigNode;
import otelgw.config.Signal;
import otelgw.core.batch.Batch;
import otelgw.core.component.Processor;
import otelgw.core.component.ProcessorFactory;
import otelgw.core.component.ProcessorSettings;
import otelgw.core.component.Stability;
import otelgw.core.consumer.BatchConsumer;

/**
 * Makes {@code probabilistic_sampler} processors for traces: keep a fixed percentage of traces,
 * whole, decided on the trace id (see {@link ProbabilisticSamplerConfig}). Spans sampled out are
 * counted as {@code otelgw.sampler.dropped.spans{processor}}.
 *
 * <p>Unlike the Collector, it does not write the sampling threshold into the spans' tracestate
 * ({@code ot=th:...}), so that kept spans are forwarded byte for byte, and it ignores the {@code
 * sampling.priority} attribute.
 */
public final class ProbabilisticSamplerFactory
    implements ProcessorFactory<ProbabilisticSamplerConfig> {

  static final String DROPPED_SPANS = "otelgw.sampler.dropped.spans";

  @Override
  public String type() {
    return "probabilistic_sampler";
  }

  @Override
  public Stability stability() {
    return Stability.BETA;
  }

  @Override
  public Set<Signal> signals() {
    return EnumSet.of(Signal.TRACES);
  }

  @Override
  public ProbabilisticSamplerConfig parseConfig(ConfigNode node) {
    return ProbabilisticSamplerConfig.parse(node);
  }

  @Override
  public <B extends Batch<?>> Processor<B> createProcessor(
      ProcessorSettings<B> settings, ProbabilisticSamplerConfig config, BatchConsumer<B> next) {
    if (settings.type().signal() != Signal.TRACES) {
      throw new IllegalArgumentException("probabilistic_sampler samples traces only");
    }
    Counter dropped =
        Counter.builder(DROPPED_SPANS)
            .description("Spans the probabilistic sampler dropped.")
            .tag("processor", settings.id().toString())
            .register(settings.meters());
    return new ProbabilisticSamplerProcessor<>(next, config, dropped);
  }

  @Override
  public String summary(ProbabilisticSamplerConfig config) {
    return "keeping "
        + config.samplingPercentage()
        + "% of traces ("
        + config.mode().name().toLowerCase(Locale.ROOT)
        + ")";
  }
}
