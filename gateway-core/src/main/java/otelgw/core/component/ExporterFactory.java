package otelgw.core.component;

import otelgw.config.ComponentKind;

/** Makes exporters. One exporter serves every pipeline that names it. */
public interface ExporterFactory<C> extends Factory<C> {

  @Override
  default ComponentKind kind() {
    return ComponentKind.EXPORTER;
  }

  /** An exporter for the given signals; not yet started. */
  Exporter createExporter(ExporterSettings settings, C config);
}
