package otelgw.core.processor.batch;

import java.util.EnumSet;
import java.util.Set;
import otelgw.config.ConfigNode;
import otelgw.config.Durations;
import otelgw.config.Signal;
import otelgw.core.batch.Batch;
import otelgw.core.component.Processor;
import otelgw.core.component.ProcessorFactory;
import otelgw.core.component.ProcessorSettings;
import otelgw.core.component.Stability;
import otelgw.core.consumer.BatchConsumer;

/**
 * Makes {@code batch} processors: merge many small requests into fewer large ones, within an item
 * and a byte cap, for all three signals. See {@link BatchProcessorConfig} for the keys and {@code
 * BatchProcessor} for when batches are sent. It counts the size of each batch it sends and why it
 * sent it ({@link BatchSendMeters}); the graph counts its items in and out.
 */
public final class BatchProcessorFactory implements ProcessorFactory<BatchProcessorConfig> {

  @Override
  public String type() {
    return "batch";
  }

  @Override
  public Stability stability() {
    return Stability.BETA;
  }

  @Override
  public Set<Signal> signals() {
    return EnumSet.allOf(Signal.class);
  }

  @Override
  public BatchProcessorConfig parseConfig(ConfigNode node) {
    return BatchProcessorConfig.parse(node);
  }

  @Override
  public <B extends Batch<?>> Processor<B> createProcessor(
      ProcessorSettings<B> settings, BatchProcessorConfig config, BatchConsumer<B> next) {
    BatchSendMeters meters =
        new BatchSendMeters(settings.id(), settings.type().signal(), settings.meters());
    return new BatchProcessor<>(settings.type(), config, next, System::nanoTime, meters);
  }

  @Override
  public String summary(BatchProcessorConfig config) {
    StringBuilder summary =
        new StringBuilder("send at ")
            .append(config.sendBatchSize())
            .append(" items, after ")
            .append(Durations.format(config.timeout()))
            .append(" or when the ring runs empty");
    if (config.sendBatchMaxSize() > 0) {
      summary.append("; at most ").append(config.sendBatchMaxSize()).append(" items");
    }
    if (config.sendBatchMaxBytes() > 0) {
      summary.append("; at most ").append(config.sendBatchMaxBytes()).append(" bytes");
    }
    return summary.toString();
  }
}
