package otelgw.exporter.debug;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.config.ConfigNode;
import otelgw.config.Signal;
import otelgw.core.component.Exporter;
import otelgw.core.component.ExporterFactory;
import otelgw.core.component.ExporterSettings;
import otelgw.core.component.Stability;
import otelgw.core.exporterhelper.QueuedRetryExporter;

/**
 * Makes {@code debug} exporters, which write what reaches them as text at INFO to the logger
 * {@value #LOGGER_NAME} (or to standard output with {@code use_internal_logger: false}), for seeing
 * data flow without a backend. They print synchronously on the pipeline's thread, with no queue and
 * no retry, and are counted like any exporter.
 */
public final class DebugExporterFactory implements ExporterFactory<DebugExporterConfig> {

  public static final String TYPE = "debug";

  /** The logger the output goes to. */
  public static final String LOGGER_NAME = "otelgw.exporter.debug";

  private static final Logger logger = LoggerFactory.getLogger(LOGGER_NAME);

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Stability stability() {
    return Stability.DEVELOPMENT;
  }

  @Override
  public Set<Signal> signals() {
    return Set.of(Signal.values());
  }

  @Override
  public DebugExporterConfig parseConfig(ConfigNode node) {
    return DebugExporterConfig.parse(node);
  }

  @Override
  public Exporter createExporter(ExporterSettings settings, DebugExporterConfig config) {
    Consumer<String> sink = config.useInternalLogger() ? logger::info : System.out::println;
    return createExporter(settings, config, sink);
  }

  /** An exporter writing to {@code sink}, for tests. */
  static Exporter createExporter(
      ExporterSettings settings, DebugExporterConfig config, Consumer<String> sink) {
    return new QueuedRetryExporter(
        settings,
        Optional.empty(),
        Optional.empty(),
        new DebugTransport(config, sink, System::nanoTime));
  }
}
