package otelgw.receiver.otlp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import otelgw.core.batch.Batch;
import otelgw.core.error.RefusedException;
import otelgw.core.pipeline.Ingress;

/** An ingress that keeps what it is given, and refuses or holds it on demand. */
final class SinkIngress<B extends Batch<?>> implements Ingress<B> {

  private final List<B> batches = new CopyOnWriteArrayList<>();
  private volatile boolean refusing;
  private volatile CountDownLatch gate;
  private final CountDownLatch entered = new CountDownLatch(1);

  @Override
  public void publish(B batch) throws RefusedException {
    entered.countDown();
    CountDownLatch held = gate;
    if (held != null) {
      try {
        held.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (refusing) {
      throw RefusedException.of(RefusedException.Reason.PIPELINE_FULL);
    }
    batches.add(batch);
  }

  /** Refuses every batch from now on, as a full pipeline does, or stops refusing. */
  void refuse(boolean refuse) {
    this.refusing = refuse;
  }

  /** Makes publish wait until the returned latch is counted down; for requests under way. */
  CountDownLatch hold() {
    CountDownLatch latch = new CountDownLatch(1);
    gate = latch;
    return latch;
  }

  /** Counted down when publish is first called. */
  CountDownLatch entered() {
    return entered;
  }

  List<B> batches() {
    return batches;
  }

  int items() {
    return batches.stream().mapToInt(Batch::itemCount).sum();
  }
}
