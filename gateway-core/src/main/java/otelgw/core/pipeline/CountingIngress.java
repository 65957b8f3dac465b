package otelgw.core.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import otelgw.config.ComponentId;
import otelgw.config.Signal;
import otelgw.core.batch.Batch;
import otelgw.core.error.RefusedException;
import otelgw.core.telemetry.MetricNames;

/**
 * Counts the items a receiver's transport hands over, accepted and refused. Refused items are
 * counted twice: under the Collector's name, whose labels are fixed, and under otelgw's own by
 * {@link RefusedException.Reason}, so a memory-limit refusal can be told from a full ring.
 */
final class CountingIngress<B extends Batch<?>> implements Ingress<B> {

  private final Ingress<B> delegate;
  private final Counter accepted;
  private final Counter refused;
  private final Counter[] refusedByReason = new Counter[RefusedException.Reason.values().length];

  CountingIngress(
      Ingress<B> delegate,
      ComponentId receiver,
      String transport,
      Signal signal,
      MeterRegistry meters) {
    this.delegate = delegate;
    this.accepted =
        Counter.builder(MetricNames.receiverAccepted(signal))
            .description("Items successfully pushed into the pipeline.")
            .tag("receiver", receiver.toString())
            .tag("transport", transport)
            .register(meters);
    this.refused =
        Counter.builder(MetricNames.receiverRefused(signal))
            .description("Items that could not be pushed into the pipeline.")
            .tag("receiver", receiver.toString())
            .tag("transport", transport)
            .register(meters);
    for (RefusedException.Reason reason : RefusedException.Reason.values()) {
      refusedByReason[reason.ordinal()] =
          Counter.builder(MetricNames.receiverRefusedByReason(signal))
              .description("Items that could not be pushed into the pipeline, by reason.")
              .tag("receiver", receiver.toString())
              .tag("transport", transport)
              .tag("reason", reason.label())
              .register(meters);
    }
  }

  @Override
  public void publish(B batch) throws RefusedException {
    int items = batch.itemCount();
    try {
      delegate.publish(batch);
    } catch (RefusedException e) {
      refused.increment(items);
      refusedByReason[e.reason().ordinal()].increment(items);
      throw e;
    }
    accepted.increment(items);
  }
}
