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
 */
public record ReceiverSettings(ComponentId id, Ingresses ingresses, MeterRegistry meters) {}
