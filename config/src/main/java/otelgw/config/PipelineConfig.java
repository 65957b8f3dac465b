package otelgw.config;

import java.util.List;

/** One pipeline: where data comes from, what is done to it in order, and where it goes. */
public record PipelineConfig(
    PipelineId id,
    List<ComponentId> receivers,
    List<ComponentId> processors,
    List<ComponentId> exporters) {

  public PipelineConfig {
    receivers = List.copyOf(receivers);
    processors = List.copyOf(processors);
    exporters = List.copyOf(exporters);
  }
}
