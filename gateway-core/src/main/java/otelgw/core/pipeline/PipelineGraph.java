package otelgw.core.pipeline;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.config.ComponentId;
import otelgw.config.ComponentKind;
import otelgw.config.GatewayConfig;
import otelgw.config.PipelineConfig;
import otelgw.config.Signal;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.component.Admission;
import otelgw.core.component.Component;
import otelgw.core.component.Exporter;
import otelgw.core.component.ExporterFactory;
import otelgw.core.component.ExporterSettings;
import otelgw.core.component.ExtensionFactory;
import otelgw.core.component.ExtensionSettings;
import otelgw.core.component.Extensions;
import otelgw.core.component.Processor;
import otelgw.core.component.ProcessorFactory;
import otelgw.core.component.ProcessorSettings;
import otelgw.core.component.ReceiverFactory;
import otelgw.core.component.ReceiverSettings;
import otelgw.core.consumer.BatchConsumer;
import otelgw.core.telemetry.GatewayStatus;
import otelgw.core.telemetry.GatewayStatus.Lifecycle;

/**
 * The running gateway: every pipeline's ring, processors and fan-out, with the receivers and
 * exporters they share. Starts downstream first (exporters, processors, rings, receivers) and shuts
 * down upstream first (receivers stop accepting, rings drain, processors flush, exporter queues
 * drain), all within one deadline. Extensions start before all of that and stop after it, as in the
 * Collector, so that a health check can answer throughout; {@link #status()} is what they read.
 */
public final class PipelineGraph {

  private static final Logger logger = LoggerFactory.getLogger(PipelineGraph.class);

  /** Slots per pipeline ring: at most this many requests wait between receivers and exporters. */
  public static final int DEFAULT_RING_SIZE = 1024;

  private final Map<ComponentId, Exporter> exporters;
  private final List<Pipeline<?>> pipelines;
  private final Map<ComponentId, Admission> admissions;
  private final Map<ComponentId, Component> receivers;
  private final Map<ComponentId, Component> extensions = new LinkedHashMap<>();
  private final GraphStatus statusReader;
  private volatile Lifecycle state = Lifecycle.CREATED;
  private volatile Instant startedAt;
  private boolean shutDown;

  private PipelineGraph(
      Map<ComponentId, Exporter> exporters,
      List<Pipeline<?>> pipelines,
      Map<ComponentId, Admission> admissions,
      Map<ComponentId, Component> receivers,
      GraphStatus statusReader) {
    this.exporters = exporters;
    this.pipelines = pipelines;
    this.admissions = admissions;
    this.receivers = receivers;
    this.statusReader = statusReader;
  }

  /** Builds (does not start) the graph of a resolved config. */
  public static PipelineGraph build(ResolvedConfig resolved, MeterRegistry meters) {
    GatewayConfig config = resolved.config();
    // Extensions first: receivers and exporters look up the ones their config names (an
    // authenticator) when they are made. What extensions read of the graph, they read once it runs.
    AtomicReference<PipelineGraph> self = new AtomicReference<>();
    Map<ComponentId, Component> extensions = new LinkedHashMap<>();
    for (ComponentId id : config.serviceExtensions()) {
      ResolvedConfig.Resolved component = resolved.component(ComponentKind.EXTENSION, id);
      ExtensionSettings settings = new ExtensionSettings(id, meters, () -> self.get().status());
      extensions.put(
          id,
          createExtension((ExtensionFactory<?>) component.factory(), settings, component.config()));
    }
    Extensions extensionLookup = Extensions.of(extensions);

    Map<ComponentId, Exporter> exporters = new LinkedHashMap<>();
    for (ComponentId id : config.used(ComponentKind.EXPORTER)) {
      ResolvedConfig.Resolved component = resolved.component(ComponentKind.EXPORTER, id);
      ExporterSettings settings =
          new ExporterSettings(
              id, config.signalsOf(ComponentKind.EXPORTER, id), meters, extensionLookup);
      exporters.put(
          id,
          createExporter((ExporterFactory<?>) component.factory(), settings, component.config()));
    }

    Map<ComponentId, Admission> admissions = new LinkedHashMap<>();
    for (ComponentId id : config.used(ComponentKind.PROCESSOR)) {
      ResolvedConfig.Resolved component = resolved.component(ComponentKind.PROCESSOR, id);
      createAdmission((ProcessorFactory<?>) component.factory(), id, component.config(), meters)
          .ifPresent(admission -> admissions.put(id, admission));
    }

    List<Pipeline<?>> pipelines = new ArrayList<>();
    Map<ComponentId, Map<Signal, List<PipelineConfig>>> fedByReceiver = new LinkedHashMap<>();
    Map<PipelineConfig, Pipeline<?>> built = new LinkedHashMap<>();
    for (PipelineConfig pipelineConfig : config.pipelines()) {
      Pipeline<?> pipeline =
          buildPipeline(
              BatchType.of(pipelineConfig.id().signal()),
              pipelineConfig,
              resolved,
              exporters,
              meters);
      pipelines.add(pipeline);
      built.put(pipelineConfig, pipeline);
      for (ComponentId receiver : pipelineConfig.receivers()) {
        fedByReceiver
            .computeIfAbsent(receiver, r -> new EnumMap<>(Signal.class))
            .computeIfAbsent(pipelineConfig.id().signal(), s -> new ArrayList<>())
            .add(pipelineConfig);
      }
    }

    Map<ComponentId, Component> receivers = new LinkedHashMap<>();
    InFlightGuard unlimited = InFlightGuard.shareOfTheHeap();
    fedByReceiver.forEach(
        (id, fed) -> {
          Map<Signal, Ingress<?>> bySignal = new EnumMap<>(Signal.class);
          fed.forEach(
              (signal, list) ->
                  bySignal.put(signal, ingressInto(list, built, admissions, unlimited)));
          ResolvedConfig.Resolved component = resolved.component(ComponentKind.RECEIVER, id);
          ReceiverSettings settings =
              new ReceiverSettings(id, Ingresses.of(id, bySignal, meters), meters, extensionLookup);
          receivers.put(
              id,
              createReceiver(
                  (ReceiverFactory<?>) component.factory(), settings, component.config()));
        });
    List<RingStage<?>> rings = pipelines.stream().<RingStage<?>>map(Pipeline::ring).toList();
    PipelineGraph graph =
        new PipelineGraph(
            exporters,
            pipelines,
            admissions,
            receivers,
            new GraphStatus(meters, config.pipelines(), rings, exporters, admissions));
    self.set(graph);
    graph.extensions.putAll(extensions);
    return graph;
  }

  /**
   * A snapshot of the lifecycle state and each pipeline's hops. Thread-safe, and never waits for
   * start-up or shutdown, so a health check answers while they run.
   */
  public GatewayStatus status() {
    return statusReader.read(state, Optional.ofNullable(startedAt));
  }

  /**
   * Starts every component, downstream first. If one fails to start, what was started is shut down
   * again and the failure is thrown.
   */
  public synchronized void start() throws Exception {
    state = Lifecycle.STARTING;
    try {
      for (Component extension : extensions.values()) {
        extension.start();
      }
      for (Exporter exporter : exporters.values()) {
        exporter.start();
      }
      for (Pipeline<?> pipeline : pipelines) {
        pipeline.startProcessors();
        pipeline.ring().start();
      }
      for (Admission admission : admissions.values()) {
        admission.start();
      }
      for (Component receiver : receivers.values()) {
        receiver.start();
      }
      startedAt = Instant.now();
      state = Lifecycle.RUNNING;
    } catch (Exception e) {
      shutdown(Duration.ofSeconds(5));
      throw e;
    }
  }

  /**
   * Stops accepting, then drains what was accepted towards the backends for at most {@code
   * deadline}. Idempotent.
   */
  public synchronized void shutdown(Duration deadline) {
    if (shutDown) {
      return;
    }
    shutDown = true;
    state = Lifecycle.STOPPING;
    long until = System.nanoTime() + deadline.toNanos();
    for (Component receiver : receivers.values()) {
      receiver.shutdown(remaining(until));
    }
    for (Admission admission : admissions.values()) {
      admission.shutdown(Duration.ZERO);
    }
    // Upstream first: processors stop (and flush what they hold) while the exporters they feed
    // still take data; only then do the exporters stop.
    List<Pipeline<?>> stuck = new ArrayList<>();
    for (Pipeline<?> pipeline : pipelines) {
      if (pipeline.ring().drain(remaining(until))) {
        pipeline.ring().awaitStopped(remaining(until));
        pipeline.shutdownProcessors(remaining(until));
      } else {
        logger.warn("pipeline {} did not drain before the shutdown deadline", pipeline.id());
        stuck.add(pipeline);
      }
    }
    for (Exporter exporter : exporters.values()) {
      // Releases a ring consumer that may still be blocked on a full queue, then drains.
      exporter.shutdown(remaining(until));
    }
    for (Pipeline<?> pipeline : stuck) {
      pipeline.ring().awaitStopped(remaining(until));
      pipeline.shutdownProcessors(remaining(until));
    }
    List<Component> started = new ArrayList<>(extensions.values());
    Collections.reverse(started);
    for (Component extension : started) {
      extension.shutdown(remaining(until));
    }
    state = Lifecycle.STOPPED;
  }

  private static Duration remaining(long untilNanos) {
    return Duration.ofNanos(Math.max(0, untilNanos - System.nanoTime()));
  }

  private static <B extends Batch<?>> Pipeline<B> buildPipeline(
      BatchType<?, B> type,
      PipelineConfig config,
      ResolvedConfig resolved,
      Map<ComponentId, Exporter> exporters,
      MeterRegistry meters) {
    List<BatchConsumer<B>> exporterConsumers = new ArrayList<>();
    for (ComponentId id : config.exporters()) {
      exporterConsumers.add(exporters.get(id).consumer(type));
    }
    BatchConsumer<B> next = Fanout.of(exporterConsumers);
    List<Processor<B>> processors = new ArrayList<>();
    for (int i = config.processors().size() - 1; i >= 0; i--) {
      ComponentId id = config.processors().get(i);
      ResolvedConfig.Resolved component = resolved.component(ComponentKind.PROCESSOR, id);
      ProcessorSettings<B> settings = new ProcessorSettings<>(id, config.id(), type, meters);
      BatchConsumer<B> downstream = next;
      Processor<B> processor =
          ObservedProcessor.create(
              settings,
              downstream,
              counted ->
                  createProcessor(
                      (ProcessorFactory<?>) component.factory(),
                      settings,
                      component.config(),
                      counted));
      processors.add(0, processor);
      next = processor;
    }
    Pipeline<B> pipeline = new Pipeline<>(config.id(), next, processors);
    pipeline.attach(new RingStage<>(config.id(), DEFAULT_RING_SIZE, pipeline, meters));
    return pipeline;
  }

  /**
   * The way into the rings of {@code fed}, behind the admission checks of those pipelines (each
   * shared check asked once), or behind {@code unlimited} where none of them has one.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Ingress<?> ingressInto(
      List<PipelineConfig> fed,
      Map<PipelineConfig, Pipeline<?>> built,
      Map<ComponentId, Admission> admissions,
      InFlightGuard unlimited) {
    List<RingStage<?>> rings = new ArrayList<>();
    Set<Admission> checks = new LinkedHashSet<>();
    for (PipelineConfig pipeline : fed) {
      rings.add(built.get(pipeline).ring());
      for (ComponentId processor : pipeline.processors()) {
        Admission admission = admissions.get(processor);
        if (admission != null) {
          checks.add(admission);
        }
      }
    }
    if (checks.isEmpty()) {
      checks.add(unlimited);
    }
    return new AdmittingIngress(List.copyOf(checks), new RingIngress(rings));
  }

  @SuppressWarnings("unchecked")
  private static <C> Optional<Admission> createAdmission(
      ProcessorFactory<C> factory, ComponentId id, Object config, MeterRegistry meters) {
    return factory.createAdmission(id, (C) config, meters);
  }

  @SuppressWarnings("unchecked")
  private static <C> Exporter createExporter(
      ExporterFactory<C> factory, ExporterSettings settings, Object config) {
    return factory.createExporter(settings, (C) config);
  }

  @SuppressWarnings("unchecked")
  private static <C> Component createExtension(
      ExtensionFactory<C> factory, ExtensionSettings settings, Object config) {
    return factory.createExtension(settings, (C) config);
  }

  @SuppressWarnings("unchecked")
  private static <C> Component createReceiver(
      ReceiverFactory<C> factory, ReceiverSettings settings, Object config) {
    return factory.createReceiver(settings, (C) config);
  }

  @SuppressWarnings("unchecked")
  private static <C, B extends Batch<?>> Processor<B> createProcessor(
      ProcessorFactory<C> factory,
      ProcessorSettings<B> settings,
      Object config,
      BatchConsumer<B> next) {
    return factory.createProcessor(settings, (C) config, next);
  }
}
