package otelgw.core.pipeline;

import java.util.List;
import otelgw.core.batch.Batch;
import otelgw.core.consumer.BatchConsumer;

/**
 * Hands each batch to every exporter of a pipeline. Each consumer gets a batch object of its own
 * over the same immutable content, so that none can see another's changes; sharing costs one small
 * object, not a copy of the data.
 */
final class Fanout<B extends Batch<?>> implements BatchConsumer<B> {

  private final List<BatchConsumer<B>> consumers;

  private Fanout(List<BatchConsumer<B>> consumers) {
    this.consumers = List.copyOf(consumers);
  }

  /** The consumer itself when there is one, otherwise a fan-out over all. */
  static <B extends Batch<?>> BatchConsumer<B> of(List<BatchConsumer<B>> consumers) {
    return consumers.size() == 1 ? consumers.get(0) : new Fanout<>(consumers);
  }

  @Override
  @SuppressWarnings("unchecked")
  public void consume(B batch) {
    int last = consumers.size() - 1;
    for (int i = 0; i < last; i++) {
      consumers.get(i).consume((B) batch.share());
    }
    consumers.get(last).consume(batch);
  }

  @Override
  public boolean mutatesData() {
    return consumers.stream().anyMatch(BatchConsumer::mutatesData);
  }
}
