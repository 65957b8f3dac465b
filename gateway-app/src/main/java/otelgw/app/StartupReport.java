package otelgw.app;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import otelgw.config.ComponentId;
import otelgw.config.ComponentKind;
import otelgw.config.Durations;
import otelgw.config.MetricReaderSettings;
import otelgw.config.PipelineConfig;
import otelgw.core.pipeline.PipelineGraph;
import otelgw.core.pipeline.ResolvedConfig;

/** The one block logged at start: what runs, where it listens, and the limits in effect. */
final class StartupReport {

  private StartupReport() {}

  static void log(Logger logger, ResolvedConfig resolved, ConfigSource source, Duration took) {
    StringBuilder report = new StringBuilder();
    report
        .append("otelgw ")
        .append(Version.current())
        .append(" started in ")
        .append(took.toMillis())
        .append(" ms from ")
        .append(source.describe());
    for (PipelineConfig pipeline : resolved.config().pipelines()) {
      report
          .append("\n  pipeline ")
          .append(pipeline.id())
          .append(": ")
          .append(ids(pipeline.receivers()))
          .append(" -> ")
          .append(ids(pipeline.processors()))
          .append(" -> ")
          .append(ids(pipeline.exporters()))
          .append(" (ring of ")
          .append(PipelineGraph.DEFAULT_RING_SIZE)
          .append(" requests)");
    }
    for (ComponentKind kind : ComponentKind.values()) {
      for (ComponentId id : resolved.config().used(kind)) {
        String summary = resolved.summary(kind, id);
        if (!summary.isEmpty()) {
          report
              .append("\n  ")
              .append(kind.word())
              .append(' ')
              .append(id)
              .append(": ")
              .append(summary);
        }
      }
    }
    resolved
        .config()
        .telemetry()
        .metricsAddress()
        .ifPresent(
            address ->
                report.append("\n  metrics and status: http://").append(address).append('/'));
    for (MetricReaderSettings reader : resolved.config().telemetry().metricReaders()) {
      report
          .append("\n  metrics pushed over OTLP: ")
          .append(reader.endpoint())
          .append(" every ")
          .append(Durations.format(reader.interval()));
    }
    logger.info("{}", report);
  }

  private static String ids(List<ComponentId> ids) {
    return ids.stream().map(ComponentId::toString).collect(Collectors.joining(", ", "[", "]"));
  }
}
