package otelgw.core.component;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Set;
import otelgw.config.ComponentId;
import otelgw.config.Signal;

/**
 * What an exporter is given besides its config.
 *
 * @param id the exporter's id
 * @param signals the signals of the pipelines that use it
 * @param meters the registry for its self-metrics
 * @param extensions the gateway's extensions, such as the authenticator its config names
 */
public record ExporterSettings(
    ComponentId id, Set<Signal> signals, MeterRegistry meters, Extensions extensions) {

  public ExporterSettings {
    signals = Set.copyOf(signals);
  }

  /** Settings with no extensions. */
  public ExporterSettings(ComponentId id, Set<Signal> signals, MeterRegistry meters) {
    this(id, signals, meters, Extensions.none());
  }
}
