package otelgw.core.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import otelgw.config.ComponentId;
import otelgw.config.PipelineConfig;
import otelgw.config.Signal;
import otelgw.core.component.Admission;
import otelgw.core.component.Exporter;
import otelgw.core.telemetry.GatewayStatus;
import otelgw.core.telemetry.GatewayStatus.Lifecycle;
import otelgw.core.telemetry.MetricNames;

/**
 * Reads a {@link GatewayStatus} off the running graph: ring fill and admission state from the parts
 * themselves, counts back from the registry by the names and tags the hops count under (so the
 * status page and {@code /metrics} cannot disagree). A walk over the registry per read; not for a
 * hot path.
 */
final class GraphStatus {

  private final MeterRegistry meters;
  private final List<PipelineConfig> configs;
  private final List<RingStage<?>> rings;
  private final Map<ComponentId, Exporter> exporters;
  private final Map<ComponentId, Admission> admissions;

  GraphStatus(
      MeterRegistry meters,
      List<PipelineConfig> configs,
      List<RingStage<?>> rings,
      Map<ComponentId, Exporter> exporters,
      Map<ComponentId, Admission> admissions) {
    this.meters = meters;
    this.configs = List.copyOf(configs);
    this.rings = List.copyOf(rings);
    this.exporters = exporters;
    this.admissions = admissions;
  }

  GatewayStatus read(Lifecycle state, Optional<Instant> startedAt) {
    List<GatewayStatus.Pipeline> pipelines = new ArrayList<>();
    for (int i = 0; i < configs.size(); i++) {
      pipelines.add(pipeline(configs.get(i), rings.get(i)));
    }
    return new GatewayStatus(state, Instant.now(), startedAt, pipelines);
  }

  private GatewayStatus.Pipeline pipeline(PipelineConfig config, RingStage<?> ring) {
    Signal signal = config.id().signal();
    String signalName = signal.configName();
    List<GatewayStatus.Receiver> receivers = new ArrayList<>();
    for (ComponentId id : config.receivers()) {
      receivers.add(
          new GatewayStatus.Receiver(
              id,
              count(MetricNames.receiverAccepted(signal), "receiver", id.toString()),
              count(MetricNames.receiverRefused(signal), "receiver", id.toString())));
    }
    List<GatewayStatus.Processor> processors = new ArrayList<>();
    for (ComponentId id : config.processors()) {
      String[] tags = {"processor", id.toString(), "otel_signal", signalName};
      Admission admission = admissions.get(id);
      processors.add(
          new GatewayStatus.Processor(
              id,
              count(MetricNames.PROCESSOR_INCOMING, tags),
              count(MetricNames.PROCESSOR_OUTGOING, tags),
              admission != null && admission.refusing()));
    }
    List<GatewayStatus.Exporter> exporterStatus = new ArrayList<>();
    for (ComponentId id : config.exporters()) {
      exporterStatus.add(exporter(id, signal));
    }
    GatewayStatus.Ring ringStatus =
        new GatewayStatus.Ring(ring.occupancy(), ring.capacity(), ring.consumerAlive());
    return new GatewayStatus.Pipeline(
        config.id(), receivers, ringStatus, processors, exporterStatus);
  }

  private GatewayStatus.Exporter exporter(ComponentId id, Signal signal) {
    String exporter = id.toString();
    Map<String, Long> dropped = new LinkedHashMap<>();
    for (Counter counter :
        meters.find(MetricNames.dropped(signal)).tag("component", exporter).counters()) {
      dropped.merge(counter.getId().getTag("reason"), (long) counter.count(), Long::sum);
    }
    String[] queueTags = {"exporter", exporter, "otel_signal", signal.configName()};
    Optional<GatewayStatus.Queue> queue =
        gauge(MetricNames.EXPORTER_QUEUE_CAPACITY, queueTags)
            .map(
                capacity ->
                    new GatewayStatus.Queue(
                        gauge(MetricNames.EXPORTER_QUEUE_SIZE, queueTags).orElse(0L), capacity));
    return new GatewayStatus.Exporter(
        id,
        count(MetricNames.exporterSent(signal), "exporter", exporter),
        count(MetricNames.exporterSendFailed(signal), "exporter", exporter),
        count(MetricNames.exporterEnqueueFailed(signal), "exporter", exporter),
        dropped,
        queue,
        exporters.get(id).sendHealth(signal));
  }

  /** The sum of a counter over the tags not given (a receiver's transports); 0 if none. */
  private long count(String name, String... tags) {
    double sum = 0;
    for (Counter counter : meters.find(name).tags(tags).counters()) {
      sum += counter.count();
    }
    return (long) sum;
  }

  private Optional<Long> gauge(String name, String... tags) {
    Gauge gauge = meters.find(name).tags(tags).gauge();
    return gauge == null ? Optional.empty() : Optional.of((long) gauge.value());
  }
}
