package otelgw.core.pipeline;

import java.util.List;
import otelgw.core.batch.Batch;
import otelgw.core.batch.Ticket;
import otelgw.core.component.Admission;
import otelgw.core.error.RefusedException;

/**
 * Asks every admission check of the pipelines a receiver feeds (their memory limiters) before
 * publishing, for the heap the batch's bytes take ({@link HeapFootprint}), and attaches the
 * reservations to the batch so they are freed when its data is.
 */
final class AdmittingIngress<B extends Batch<?>> implements Ingress<B> {

  private final List<Admission> admissions;
  private final Ingress<B> next;

  AdmittingIngress(List<Admission> admissions, Ingress<B> next) {
    this.admissions = List.copyOf(admissions);
    this.next = next;
  }

  @Override
  public void publish(B batch) throws RefusedException {
    long bytes = HeapFootprint.of(batch.byteSize());
    Ticket reserved = Ticket.NONE;
    try {
      for (Admission admission : admissions) {
        reserved = Ticket.combine(reserved, admission.admit(bytes));
      }
    } catch (RefusedException e) {
      reserved.release();
      throw e;
    }
    batch.attach(reserved);
    try {
      next.publish(batch);
    } catch (RefusedException e) {
      batch.release();
      throw e;
    }
  }
}
