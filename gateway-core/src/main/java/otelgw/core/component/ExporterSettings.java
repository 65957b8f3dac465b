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
 */
public record ExporterSettings(ComponentId id, Set<Signal> signals, MeterRegistry meters) {

  public ExporterSettings {
    signals = Set.copyOf(signals);
  }
}
