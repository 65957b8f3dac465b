package otelgw.app.status;

import java.util.HashMap;
import java.util.Map;
import otelgw.config.PipelineId;
import otelgw.core.telemetry.GatewayStatus;

/**
 * The counters of a {@link GatewayStatus} that the status page shows rates of, flattened under keys
 * such as {@code "traces exporter:otlp/backend exported"}.
 */
final class Counts {

  private Counts() {}

  static String key(PipelineId pipeline, String component, String counter) {
    return pipeline + " " + component + " " + counter;
  }

  static Map<String, Long> of(GatewayStatus status) {
    Map<String, Long> counts = new HashMap<>();
    for (GatewayStatus.Pipeline pipeline : status.pipelines()) {
      PipelineId id = pipeline.id();
      for (GatewayStatus.Receiver receiver : pipeline.receivers()) {
        String component = "receiver:" + receiver.id();
        counts.put(key(id, component, "received"), receiver.accepted());
        counts.put(key(id, component, "refused"), receiver.refused());
      }
      for (GatewayStatus.Processor processor : pipeline.processors()) {
        String component = "processor:" + processor.id();
        counts.put(key(id, component, "incoming"), processor.incoming());
        counts.put(key(id, component, "outgoing"), processor.outgoing());
      }
      for (GatewayStatus.Exporter exporter : pipeline.exporters()) {
        String component = "exporter:" + exporter.id();
        counts.put(key(id, component, "exported"), exporter.sent());
        counts.put(key(id, component, "failed"), failed(exporter));
      }
    }
    return counts;
  }

  /**
   * Items an exporter lost: given up on after sending, or refused by a full queue. ({@code dropped}
   * is a breakdown of these by reason, not more of them.)
   */
  static long failed(GatewayStatus.Exporter exporter) {
    return exporter.sendFailed() + exporter.enqueueFailed();
  }
}
