package otelgw.core.consumer;

import otelgw.core.batch.Batch;

/**
 * The one seam between stages: a processor, the fan-out and an exporter's queue all take batches
 * through it. Called from the pipeline's ring consumer thread, one batch at a time.
 *
 * @param <B> the batch type
 */
public interface BatchConsumer<B extends Batch<?>> {

  /**
   * Takes ownership of {@code batch}: the caller must not touch it afterwards. May block to apply
   * back-pressure (an exporter queue that is full waits for room); never blocks an I/O thread,
   * because only ring consumer threads call it.
   */
  void consume(B batch);

  /**
   * The ring has run empty, or has been idle for a tick: a stage holding data back (the batch
   * processor) decides whether to send it on now. The pipeline calls this on each of its stages in
   * order, so a stage must not pass it on to the next; the default does nothing, for stages that
   * hold nothing.
   */
  default void flush() {}

  /**
   * Whether this consumer changes the batches it is given. Fan-out gives such a consumer a batch of
   * its own, so that its changes never show in another consumer's data.
   */
  default boolean mutatesData() {
    return false;
  }
}
