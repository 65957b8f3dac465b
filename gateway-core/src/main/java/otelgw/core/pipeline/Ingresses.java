package otelgw.core.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import otelgw.config.ComponentId;
import otelgw.config.Signal;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;

/**
 * The ingresses of one receiver, one per signal that some pipeline takes from it. Each transport
 * the receiver serves asks for its own, so that accepted and refused items are counted with the
 * {@code transport} label the Collector uses.
 */
public final class Ingresses {

  private final ComponentId receiver;
  private final Map<Signal, Ingress<?>> bySignal;
  private final MeterRegistry meters;

  private Ingresses(ComponentId receiver, Map<Signal, Ingress<?>> bySignal, MeterRegistry meters) {
    this.receiver = receiver;
    this.bySignal = Map.copyOf(bySignal);
    this.meters = meters;
  }

  /**
   * The ingresses of {@code receiver}; each value must be an {@code Ingress} of its signal's batch
   * type. The graph makes these; tests make them over sinks.
   */
  public static Ingresses of(
      ComponentId receiver, Map<Signal, Ingress<?>> bySignal, MeterRegistry meters) {
    return new Ingresses(receiver, bySignal, meters);
  }

  /** The signals some pipeline takes from this receiver. */
  public Set<Signal> signals() {
    return bySignal.keySet();
  }

  /**
   * The ingress for batches of {@code type} arriving over {@code transport} ({@code grpc}, {@code
   * http}), counting what it accepts and refuses; empty if no pipeline takes that signal from this
   * receiver.
   */
  @SuppressWarnings("unchecked")
  public <B extends Batch<?>> Optional<Ingress<B>> of(BatchType<?, B> type, String transport) {
    Ingress<B> ingress = (Ingress<B>) bySignal.get(type.signal());
    if (ingress == null) {
      return Optional.empty();
    }
    return Optional.of(new CountingIngress<>(ingress, receiver, transport, type.signal(), meters));
  }
}
