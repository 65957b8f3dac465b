package otelgw.core.component;

import io.micrometer.core.instrument.MeterRegistry;
import otelgw.config.ComponentId;
import otelgw.core.pipeline.Ingresses;

/**
 * What a receiver is given besides its config.
 *
 * @param id the receiver's id, for logs and metric labels
 * @param ingresses where to publish each signal it receives; a signal with no pipeline is absent
 * @param meters the registry for its self-metrics
 * @param extensions the gateway's extensions, such as the authenticator its config names
 */
public record ReceiverSettings(
    ComponentId id, Ingresses ingresses, MeterRegistry meters, Extensions extensions) {

  /** Settings with no extensions. */
  public ReceiverSettings(ComponentId id, Ingresses ingresses, MeterRegistry meters) {
    this(id, ingresses, meters, Extensions.none());
  }
}
