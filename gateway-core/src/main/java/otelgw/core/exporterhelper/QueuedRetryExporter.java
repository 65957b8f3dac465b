package otelgw.core.exporterhelper;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import otelgw.config.QueueSettings;
import otelgw.config.RetrySettings;
import otelgw.config.Signal;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.component.Exporter;
import otelgw.core.component.ExporterSettings;
import otelgw.core.consumer.BatchConsumer;
import otelgw.core.telemetry.SendHealth;

/**
 * The exporter helper: puts a bounded queue and retry with back-off in front of a {@link
 * Transport}'s senders, one chain per signal, and counts what is sent, failed and dropped under the
 * Collector's metric names. A concrete exporter is a {@code Transport} and its config.
 */
public final class QueuedRetryExporter implements Exporter {

  private static final Logger logger = LoggerFactory.getLogger(QueuedRetryExporter.class);

  private final ExporterSettings settings;
  private final Optional<QueueSettings> queue;
  private final Optional<RetrySettings> retry;
  private final Transport transport;
  private final Map<Signal, ExportChain<?>> chains = new ConcurrentHashMap<>();
  private final Logger log;

  public QueuedRetryExporter(
      ExporterSettings settings,
      Optional<QueueSettings> queue,
      Optional<RetrySettings> retry,
      Transport transport) {
    this(settings, queue, retry, transport, logger);
  }

  QueuedRetryExporter(
      ExporterSettings settings,
      Optional<QueueSettings> queue,
      Optional<RetrySettings> retry,
      Transport transport,
      Logger log) {
    this.log = log;
    this.settings = settings;
    this.queue = queue;
    this.retry = retry;
    this.transport = transport;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <B extends Batch<?>> BatchConsumer<B> consumer(BatchType<?, B> type) {
    return (BatchConsumer<B>)
        chains.computeIfAbsent(
            type.signal(),
            signal -> new ExportChain<>(settings, type, queue, retry, transport.sender(type)));
  }

  @Override
  public SendHealth sendHealth(Signal signal) {
    ExportChain<?> chain = chains.get(signal);
    return chain == null ? SendHealth.UNKNOWN : chain.sendHealth();
  }

  @Override
  public void start() throws Exception {
    transport.start();
    for (ExportChain<?> chain : chains.values()) {
      chain.start();
    }
  }

  /**
   * Stops taking batches, delivers what is queued within {@code deadline}, and closes. What could
   * not be delivered in time is counted as dropped for shutdown and reported in one warning.
   */
  @Override
  public void shutdown(Duration deadline) {
    long until = System.nanoTime() + deadline.toNanos();
    for (ExportChain<?> chain : chains.values()) {
      chain.stopAccepting();
    }
    Map<Signal, Long> dropped = new EnumMap<>(Signal.class);
    for (Map.Entry<Signal, ExportChain<?>> chain : chains.entrySet()) {
      long items = chain.getValue().drain(Duration.ofNanos(Math.max(0, until - System.nanoTime())));
      if (items > 0) {
        dropped.put(chain.getKey(), items);
      }
    }
    transport.shutdown(Duration.ofNanos(Math.max(0, until - System.nanoTime())));
    if (!dropped.isEmpty()) {
      log.warn(
          "exporter {}: could not deliver everything within the shutdown grace period ({} ms"
              + " left for it); dropped {} (counted as otelgw.dropped with reason=shutdown)",
          settings.id(),
          deadline.toMillis(),
          describe(dropped));
    }
  }

  private static String describe(Map<Signal, Long> dropped) {
    return dropped.entrySet().stream()
        .map(e -> e.getValue() + " " + e.getKey().itemName().replace('_', ' '))
        .collect(Collectors.joining(", "));
  }
}
