package otelgw.core.exporterhelper;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

  private final ExporterSettings settings;
  private final Optional<QueueSettings> queue;
  private final Optional<RetrySettings> retry;
  private final Transport transport;
  private final Map<Signal, ExportChain<?>> chains = new ConcurrentHashMap<>();

  public QueuedRetryExporter(
      ExporterSettings settings,
      Optional<QueueSettings> queue,
      Optional<RetrySettings> retry,
      Transport transport) {
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

  @Override
  public void shutdown(Duration deadline) {
    long until = System.nanoTime() + deadline.toNanos();
    for (ExportChain<?> chain : chains.values()) {
      chain.stopAccepting();
    }
    for (ExportChain<?> chain : chains.values()) {
      chain.drain(Duration.ofNanos(Math.max(0, until - System.nanoTime())));
    }
    transport.shutdown(Duration.ofNanos(Math.max(0, until - System.nanoTime())));
  }
}
