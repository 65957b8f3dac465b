package otelgw.exporter.debug;

import java.util.Set;
import otelgw.config.ConfigNode;

/**
 * The {@code debug} exporter's config, with the Collector's keys and defaults.
 *
 * @param verbosity how much to print; {@link #DEFAULT_VERBOSITY} unless set
 * @param samplingInitial batches of a signal printed in full each second before sampling starts;
 *     {@value #DEFAULT_SAMPLING_INITIAL} unless set
 * @param samplingThereafter after those, every n-th batch of the second is printed; {@value
 *     #DEFAULT_SAMPLING_THEREAFTER} (all) unless set, and 0 prints none
 * @param useInternalLogger print through otelgw's log ({@code otelgw.exporter.debug}, sampled)
 *     rather than straight to standard output (not sampled), as the Collector
 */
public record DebugExporterConfig(
    Verbosity verbosity, int samplingInitial, int samplingThereafter, boolean useInternalLogger) {

  public static final Verbosity DEFAULT_VERBOSITY = Verbosity.BASIC;
  public static final int DEFAULT_SAMPLING_INITIAL = 2;
  public static final int DEFAULT_SAMPLING_THEREAFTER = 1;
  public static final boolean DEFAULT_USE_INTERNAL_LOGGER = true;

  public static DebugExporterConfig defaults() {
    return new DebugExporterConfig(
        DEFAULT_VERBOSITY,
        DEFAULT_SAMPLING_INITIAL,
        DEFAULT_SAMPLING_THEREAFTER,
        DEFAULT_USE_INTERNAL_LOGGER);
  }

  /** Reads a {@code debug} section, reporting every problem with its path to {@code node}. */
  static DebugExporterConfig parse(ConfigNode node) {
    Verbosity verbosity = node.enumValue("verbosity", DEFAULT_VERBOSITY);
    int initial = node.integer("sampling_initial", DEFAULT_SAMPLING_INITIAL);
    int thereafter = node.integer("sampling_thereafter", DEFAULT_SAMPLING_THEREAFTER);
    boolean internal = node.bool("use_internal_logger", DEFAULT_USE_INTERNAL_LOGGER);
    node.check(initial >= 0, "sampling_initial", "must not be negative");
    node.check(thereafter >= 0, "sampling_thereafter", "must not be negative");
    node.finish(
        Set.of("verbosity", "sampling_initial", "sampling_thereafter", "use_internal_logger"));
    return new DebugExporterConfig(verbosity, initial, thereafter, internal);
  }
}
