package otelgw.core.processor.redaction;

/**
 * What the processor says about its work in the data itself, as the Collector's does: nothing
 * ({@code silent}), {@code redaction.*.count} attributes ({@code info}), or counts and the names of
 * the keys concerned ({@code debug}). Names can leak information; debug is for trying a config out.
 */
public enum Summary {
  DEBUG,
  INFO,
  SILENT
}
