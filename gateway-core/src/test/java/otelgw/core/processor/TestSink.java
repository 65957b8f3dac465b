package otelgw.core.processor;

import java.util.ArrayList;
import java.util.List;
import otelgw.core.batch.Batch;
import otelgw.core.consumer.BatchConsumer;

/** A consumer that keeps every batch it is given, for processor tests. */
public final class TestSink<B extends Batch<?>> implements BatchConsumer<B> {

  private final List<B> batches = new ArrayList<>();

  @Override
  public void consume(B batch) {
    batches.add(batch);
  }

  public List<B> batches() {
    return batches;
  }

  public B only() {
    if (batches.size() != 1) {
      throw new AssertionError("expected one batch, got " + batches.size());
    }
    return batches.get(0);
  }

  public int items() {
    return batches.stream().mapToInt(Batch::itemCount).sum();
  }
}
