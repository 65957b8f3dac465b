package otelgw.core.exporterhelper;

import otelgw.core.batch.Batch;
import otelgw.core.batch.BatchType;
import otelgw.core.component.Component;

/**
 * What a concrete exporter provides to {@link QueuedRetryExporter}: a sender per signal, over a
 * connection it opens in {@link #start()} and closes in {@link #shutdown}.
 */
public interface Transport extends Component {

  /** The sender for batches of {@code type}; asked once per signal, before {@link #start()}. */
  <B extends Batch<?>> Sender<B> sender(BatchType<?, B> type);
}
