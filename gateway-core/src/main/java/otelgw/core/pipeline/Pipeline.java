package otelgw.core.pipeline;

import java.time.Duration;
import java.util.List;
import otelgw.config.PipelineId;
import otelgw.core.batch.Batch;
import otelgw.core.component.Processor;
import otelgw.core.consumer.BatchConsumer;

/**
 * One pipeline once built: its ring, and behind it the processors in config order, then the fan-out
 * to its exporters. Runs on the ring's consumer thread.
 */
final class Pipeline<B extends Batch<?>> implements BatchConsumer<B> {

  private final PipelineId id;
  private final BatchConsumer<B> head;
  private final List<Processor<B>> processors;
  private RingStage<B> ring;

  Pipeline(PipelineId id, BatchConsumer<B> head, List<Processor<B>> processors) {
    this.id = id;
    this.head = head;
    this.processors = List.copyOf(processors);
  }

  PipelineId id() {
    return id;
  }

  void attach(RingStage<B> ring) {
    this.ring = ring;
  }

  RingStage<B> ring() {
    return ring;
  }

  List<Processor<B>> processors() {
    return processors;
  }

  @Override
  public void consume(B batch) {
    head.consume(batch);
  }

  /** Lets each stage, front to back, send on what it holds. */
  @Override
  public void flush() {
    for (Processor<B> processor : processors) {
      processor.flush();
    }
  }

  /** Starts processors back to front, so each one's downstream runs before it does. */
  void startProcessors() throws Exception {
    for (int i = processors.size() - 1; i >= 0; i--) {
      processors.get(i).start();
    }
  }

  /** Shuts processors down front to back, so what one flushes reaches the next while it runs. */
  void shutdownProcessors(Duration deadline) {
    for (Processor<B> processor : processors) {
      processor.shutdown(deadline);
    }
  }
}
