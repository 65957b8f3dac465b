package otelgw.core.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import otelgw.core.batch.Batch;
import otelgw.core.component.Processor;
import otelgw.core.component.ProcessorSettings;
import otelgw.core.consumer.BatchConsumer;
import otelgw.core.telemetry.MetricNames;

/**
 * The graph's wrapper around every processor: counts items in ({@code
 * otelcol_processor_incoming_items}) and out ({@code otelcol_processor_outgoing_items}), so that no
 * processor counts for itself.
 */
final class ObservedProcessor<B extends Batch<?>> implements Processor<B> {

  private final Processor<B> processor;
  private final Counter incoming;

  private ObservedProcessor(Processor<B> processor, Counter incoming) {
    this.processor = processor;
    this.incoming = incoming;
  }

  /** Creates the processor with a counting {@code next}, and wraps it to count what comes in. */
  static <B extends Batch<?>> ObservedProcessor<B> create(
      ProcessorSettings<B> settings, BatchConsumer<B> next, ProcessorMaker<B> maker) {
    MeterRegistry meters = settings.meters();
    String processor = settings.id().toString();
    String signal = settings.type().signal().configName();
    Counter incoming =
        Counter.builder(MetricNames.PROCESSOR_INCOMING)
            .description("Items passed to the processor.")
            .tag("processor", processor)
            .tag("otel_signal", signal)
            .register(meters);
    Counter outgoing =
        Counter.builder(MetricNames.PROCESSOR_OUTGOING)
            .description("Items emitted by the processor.")
            .tag("processor", processor)
            .tag("otel_signal", signal)
            .register(meters);
    Processor<B> made = maker.make(new CountingConsumer<>(next, outgoing));
    return new ObservedProcessor<>(made, incoming);
  }

  @Override
  public void consume(B batch) {
    incoming.increment(batch.itemCount());
    processor.consume(batch);
  }

  @Override
  public void flush() {
    processor.flush();
  }

  @Override
  public boolean mutatesData() {
    return processor.mutatesData();
  }

  @Override
  public void start() throws Exception {
    processor.start();
  }

  @Override
  public void shutdown(Duration deadline) {
    processor.shutdown(deadline);
  }

  /** Makes the processor around the {@code next} it should call. */
  @FunctionalInterface
  interface ProcessorMaker<B extends Batch<?>> {
    Processor<B> make(BatchConsumer<B> next);
  }

  /** Counts what a processor passes on. */
  private static final class CountingConsumer<B extends Batch<?>> implements BatchConsumer<B> {
    private final BatchConsumer<B> next;
    private final Counter counter;

    CountingConsumer(BatchConsumer<B> next, Counter counter) {
      this.next = next;
      this.counter = counter;
    }

    @Override
    public void consume(B batch) {
      counter.increment(batch.itemCount());
      next.consume(batch);
    }

    @Override
    public boolean mutatesData() {
      return next.mutatesData();
    }
  }
}
