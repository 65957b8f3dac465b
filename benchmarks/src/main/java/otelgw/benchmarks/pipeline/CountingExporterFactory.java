package otelgw.benchmarks.pipeline;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import otelgw.config.ConfigNode;
import otelgw.config.QueueSettings;
import otelgw.config.Signal;
import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.component.Exporter;
import otelgw.core.component.ExporterFactory;
import otelgw.core.component.ExporterSettings;
import otelgw.core.component.Stability;
import otelgw.core.exporterhelper.PartialSuccess;
import otelgw.core.exporterhelper.QueuedRetryExporter;
import otelgw.core.exporterhelper.Sender;
import otelgw.core.exporterhelper.Transport;

/**
 * A {@code count} exporter: the real exporter helper (bounded queue, consumer threads, retry) in
 * front of a sender that reads the batch's bytes, as a network exporter would, and counts its
 * items.
 */
final class CountingExporterFactory implements ExporterFactory<CountingExporterFactory.Config> {

  /** Only {@code sending_queue}, as the OTLP exporters read it. */
  record Config(Optional<QueueSettings> queue) {}

  private final LongAdder exported;

  CountingExporterFactory(LongAdder exported) {
    this.exported = exported;
  }

  @Override
  public String type() {
    return "count";
  }

  @Override
  public Stability stability() {
    return Stability.DEVELOPMENT;
  }

  @Override
  public Set<Signal> signals() {
    return EnumSet.allOf(Signal.class);
  }

  @Override
  public Config parseConfig(ConfigNode node) {
    Optional<QueueSettings> queue = QueueSettings.parse(node.sectionOrEmpty("sending_queue"));
    node.finish(Set.of("sending_queue"));
    return new Config(queue);
  }

  @Override
  public Exporter createExporter(ExporterSettings settings, Config config) {
    return new QueuedRetryExporter(settings, config.queue(), Optional.empty(), new Counting());
  }

  private final class Counting implements Transport {
    @Override
    public <B extends Batch<?>> Sender<B> sender(BatchType<?, B> type) {
      return batch -> {
        byte[] bytes = batch.toByteArray();
        if (bytes.length > 0) {
          exported.add(batch.itemCount());
        }
        return PartialSuccess.NONE;
      };
    }
  }
}
